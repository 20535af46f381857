package com.bulletiningest.store.write;

import java.text.Normalizer;

import com.bulletiningest.split.Notice;
import com.bulletiningest.store.db.ContentHash;

/**
 * Identity of a notice across bulletins: SHA-256 of its normalised title and issuer. Normalising (NFKC, no whitespace,
 * no punctuation) makes a reprint match even when it is wrapped differently or uses full-width/half-width variants.
 */
public final class NoticeFingerprint {

    private NoticeFingerprint() {
    }

    public static String of(Notice notice) {
        return ContentHash.sha256(normalise(notice.title()) + "|" + normalise(notice.issuer()));
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\p{P}\\p{S}]+", "");
    }
}
