package com.bulletiningest.intake.mail;

import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

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
     * Decodes RFC 2047 encoded words that Jakarta Mail left encoded (RFC 2231 parameters it decodes itself) or a
     * raw UTF-8 name, then sanitises.
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
            return rawUtf8(raw);
        }
        try {
            // some mailers fold the encoded name over several lines; decodeText wants the words joined
            return MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (UnsupportedEncodingException e) {
            return raw;
        }
    }

    /**
     * A name sent as raw UTF-8 (RFC 6532, or a mailer that does not encode) arrives as one char per byte; when those
     * bytes are valid UTF-8 they are read as such, so {@code 周报.pdf} is not kept as {@code å\u0091¨æ\u008a¥.pdf}.
     */
    private static String rawUtf8(String name) {
        if (name.chars().allMatch(c -> c < 0x80) || name.chars().anyMatch(c -> c > 0xFF)) {
            return name;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return name; // a Latin-1 name, say résumé.pdf
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
