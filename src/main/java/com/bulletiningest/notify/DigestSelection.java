package com.bulletiningest.notify;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an owner is told about a bulletin, whatever the way: the new notices they follow in print order, the subject
 * ({@code 【政策周报】医药信息篇 2021-03-08~2021-03-12：12 条新通知}), the greeting and the footer. The mail digest and
 * every channel message are written from it, so they list the same notices in the same order.
 *
 * @param followed the notices, in print order
 */
record DigestSelection(long bulletinId, LocalDate issued, List<DigestEntry> followed, String subject, String intro,
                       String footer) {

    /** The notices with a deadline, soonest first, those already over when the bulletin was issued last. */
    static List<DigestEntry> dated(List<DigestEntry> entries) {
        return entries.stream().filter(e -> e.deadline() != null)
                .sorted(Comparator.comparing(DigestEntry::passed).thenComparing(DigestEntry::deadline)).toList();
    }

    /** Deadlines first (soonest first), then the others in print order. */
    List<DigestEntry> deadlinesFirst() {
        return Stream.concat(dated(followed).stream(), followed.stream().filter(e -> e.deadline() == null)).toList();
    }
}
