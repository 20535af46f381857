package com.bulletiningest.enrich;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a notice says beyond its title, pulled out of its text.
 *
 * @param issuer           who issued the notice: printed after the title, signed under the body or named before
 *                         关于 in the title; null when none of these says it
 * @param issuerDate       the date printed with the issuer or under its signature, or null
 * @param documentNumber   the notice's own document number (in the title or on a line of its own), e.g.
 *                         {@code 京知局〔2021〕35 号} or {@code 2021 年第 21 号}; null when it has none
 * @param referencedNumbers other document numbers the body cites, in order
 * @param deadlines        dates something must be done by, with their sentences, in text order
 * @param events           dates of trainings, meetings and the like, with their sentences
 * @param contacts         persons, phone numbers and email addresses
 * @param attachments      the attachments listed under 附件：/附表：
 * @param amounts          sums of money mentioned
 */
public record NoticeFields(String issuer, LocalDate issuerDate, String documentNumber, List<String> referencedNumbers,
                           List<DatedSentence> deadlines, List<DatedSentence> events, Contacts contacts,
                           List<String> attachments, List<Amount> amounts) {

    /** Nothing found: what a notice carries when it was not enriched. */
    public static final NoticeFields NONE = new NoticeFields(null, null, null, List.of(), List.of(), List.of(),
            new Contacts(List.of(), List.of(), List.of()), List.of(), List.of());

    /**
     * The earliest deadline on or after {@code from}, or the latest one when all have passed; with no {@code from}
     * (a bulletin without issue date) the earliest.
     */
    public Optional<LocalDate> nearestDeadline(LocalDate from) {
        List<LocalDate> dates = deadlines.stream().map(DatedSentence::date).sorted().toList();
        return dates.stream().filter(d -> from == null || !d.isBefore(from)).findFirst()
                .or(() -> dates.stream().max(Comparator.naturalOrder()));
    }
}
