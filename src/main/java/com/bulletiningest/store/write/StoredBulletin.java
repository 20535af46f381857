package com.bulletiningest.store.write;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.bulletiningest.enrich.EnrichedNotice;

/**
 * A bulletin the store has just written, as its {@link StoredListener} sees it.
 *
 * @param issued     its issue date, or null
 * @param newNotices   its notices seen in no earlier bulletin, in print order, with what enrich found
 * @param newNoticeIds the ids they were stored under, in the same order (a digest links each notice to its page)
 * @param ocrConfidence by notice id, the notices read by OCR from scanned pages, with their mean confidence
 */
public record StoredBulletin(long id, LocalDate issued, List<EnrichedNotice> newNotices, List<Long> newNoticeIds,
                             Map<Long, Float> ocrConfidence) {

    public StoredBulletin {
        newNotices = List.copyOf(newNotices);
        newNoticeIds = List.copyOf(newNoticeIds);
        ocrConfidence = Map.copyOf(ocrConfidence);
        if (newNotices.size() != newNoticeIds.size()) {
            throw new IllegalArgumentException(newNotices.size() + " new notices but " + newNoticeIds.size() + " ids");
        }
    }

    /** A bulletin read from its text layer alone. */
    public StoredBulletin(long id, LocalDate issued, List<EnrichedNotice> newNotices, List<Long> newNoticeIds) {
        this(id, issued, newNotices, newNoticeIds, Map.of());
    }

    /** The mean OCR confidence of a notice read from scanned pages, or null when it came from a text layer. */
    public Float ocrConfidence(long noticeId) {
        return ocrConfidence.get(noticeId);
    }
}
