package com.bulletiningest.store;

import com.bulletiningest.split.Notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Identity of a notice across bulletins: SHA-256 of its normalised title and issuer. Normalising (NFKC, no whitespace,
 * no punctuation) makes a reprint match even when it is wrapped differently or uses full-width/half-width variants.
 */
public final class NoticeFingerprint {

    private NoticeFingerprint() {
    }

    public static String of(Notice notice) {
        String key = normalise(notice.title()) + "|" + normalise(notice.issuer());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\p{P}\\p{S}]+", "");
    }
}
