package com.bulletiningest.store.read;

import java.time.LocalDate;
import java.util.List;

/**
 * A notice as stored, with where it sits in its bulletin.
 *
 * @param repeatOf id of the first stored notice with the same fingerprint ({@code store.write.NoticeFingerprint}), from an earlier bulletin;
 *                 null when the notice was new
 * @param documentNumber  the notice's own document number as enrich found it, or null
 * @param nearestDeadline its earliest deadline on or after the bulletin's issue date (the latest when all passed), or
 *                        null when it has none or was stored without enrichment
 * @param tags            its rule tags, alphabetical
 * @param keywords        its keyword tags, alphabetical
 * @param ocrConfidence   the mean OCR confidence (0…1) when its text was read from a scan, else null
 */
public record StoredNotice(long id, long bulletinId, String category, String group, int no, String title, String issuer,
                           LocalDate date, String source, String published, int page, int lastPage, List<String> links,
                           List<String> bodyLinks, String body, String fingerprint, Long repeatOf,
                           String documentNumber, LocalDate nearestDeadline, List<String> tags, List<String> keywords,
                           Float ocrConfidence) {

    public boolean isRepeat() {
        return repeatOf != null;
    }
}
