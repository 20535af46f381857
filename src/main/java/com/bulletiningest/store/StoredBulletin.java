package com.bulletiningest.store;

import java.time.LocalDate;
import java.util.List;

import com.bulletiningest.enrich.EnrichedNotice;

/**
 * A bulletin the store has just written, as its {@link StoredListener} sees it.
 *
 * @param issued     its issue date, or null
 * @param newNotices its notices seen in no earlier bulletin, in print order, with what enrich found
 */
public record StoredBulletin(long id, LocalDate issued, List<EnrichedNotice> newNotices) {

    public StoredBulletin {
        newNotices = List.copyOf(newNotices);
    }
}
