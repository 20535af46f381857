package com.bulletiningest.store.write;

import java.time.LocalDate;
import java.util.List;

import com.bulletiningest.enrich.EnrichedNotice;

/**
 * A bulletin the store has just written, as its {@link StoredListener} sees it.
 *
 * @param issued     its issue date, or null
 * @param newNotices   its notices seen in no earlier bulletin, in print order, with what enrich found
 * @param newNoticeIds the ids they were stored under, in the same order (a digest links each notice to its page)
 */
public record StoredBulletin(long id, LocalDate issued, List<EnrichedNotice> newNotices, List<Long> newNoticeIds) {

    public StoredBulletin {
        newNotices = List.copyOf(newNotices);
        newNoticeIds = List.copyOf(newNoticeIds);
        if (newNotices.size() != newNoticeIds.size()) {
            throw new IllegalArgumentException(newNotices.size() + " new notices but " + newNoticeIds.size() + " ids");
        }
    }
}
