package com.bulletiningest.app.mail;

import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;

/**
 * Turns the file name a sender chose into a safe display name.
 * <p>
 * The result is only ever shown and stored; nothing is written to disk under it. It is still made harmless:
 * directories ({@code ../../etc/x.pdf} becomes {@code x.pdf}), control and bidirectional-override characters,
 * leading dots and excess length are removed.
 */
final class AttachmentNames {

    static final int MAX_LENGTH = 200;

    private AttachmentNames() {
    }

    /**
     * Decodes RFC 2047 encoded words that Jakarta Mail left encoded (RFC 2231 parameters it decodes itself), then
     * sanitises.
     *
     * @return the safe name, or {@code null} when nothing usable is left
     */
    static String decodeAndSanitise(String raw) {
        if (raw == null) {
            return null;
        }
        return sanitise(decode(raw));
    }

    static String decode(String raw) {
        if (!raw.contains("=?")) {
            return raw;
        }
        try {
            // some mailers fold the encoded name over several lines; decodeText wants the words joined
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (UnsupportedEncodingException e) {
            return raw;
        }
    }

    static String sanitise(String name) {
        String lastSegment = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder(lastSegment.length());
        lastSegment.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(safe::appendCodePoint);
        String trimmed = safe.toString().strip().replaceFirst("^\\.+", "").strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        return trimmed.codePointCount(0, trimmed.length()) <= MAX_LENGTH
                ? trimmed
                : trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_LENGTH));
    }
}
