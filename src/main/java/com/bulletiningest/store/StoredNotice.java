package com.bulletiningest.store;

import java.time.LocalDate;
import java.util.List;

/**
 * A notice as stored, with where it sits in its bulletin.
 *
 * @param repeatOf id of the first stored notice with the same {@link NoticeFingerprint}, from an earlier bulletin;
 *                 null when the notice was new
 */
public record StoredNotice(long id, long bulletinId, String category, String group, int no, String title, String issuer,
                           LocalDate date, String source, String published, int page, int lastPage, List<String> links,
                           List<String> bodyLinks, String body, String fingerprint, Long repeatOf) {

    public boolean isRepeat() {
        return repeatOf != null;
    }
}
