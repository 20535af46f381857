package com.bulletiningest.intake.mail;

import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.bulletiningest.intake.EscapedText;
import com.bulletiningest.store.db.ContentHash;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * The identity of a mailed-in message, read from its headers only, whatever a sender put in them.
 *
 * @param key         SHA-256 (hex) of the Message-ID, or of the raw header lines when it has none: the same message
 *                    delivered twice has the same key, and a restart or another instance computes the same
 * @param messageId   the Message-ID header, or {@code null}
 * @param from        the From addresses, none when the header is missing or cannot be parsed
 * @param subject     the decoded subject, or {@code null}
 * @param fromProblem why the From header cannot be parsed, or {@code null} when it can
 */
record ReceivedMail(String key, String messageId, List<String> from, String subject, String fromProblem) {

    /**
     * Reads the header lines as written; not the IMAP server's envelope, which a server may fail to build for a
     * malformed header (GreenMail does), failing every poll.
     *
     * @throws MessagingException only when the headers cannot be fetched from the mail server
     */
    static ReceivedMail of(MimeMessage message) throws MessagingException {
        String messageId = message.getHeader("Message-ID", null);
        if (messageId != null && messageId.isBlank()) {
            messageId = null;
        }
        String key = messageId != null ? keyOf(messageId)
                : ContentHash.sha256(String.join("\r\n", Collections.list(message.getAllHeaderLines())));
        List<String> from = List.of();
        String fromProblem = null;
        try {
            String header = message.getHeader("From", ",");
            from = header == null ? List.of() : Arrays.stream(InternetAddress.parseHeader(header, true))
                    .map(InternetAddress::getAddress).toList();
        } catch (AddressException e) {
            fromProblem = "the From header cannot be parsed (" + e.getMessage() + ")";
        }
        return new ReceivedMail(key, messageId, from, subject(message.getHeader("Subject", null)), fromProblem);
    }

    /** The key of a message with this Message-ID. */
    static String keyOf(String messageId) {
        return ContentHash.sha256(messageId.strip());
    }

    /** The subject with its RFC 2047 encoded words decoded; as written when they cannot be. */
    private static String subject(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException e) {
            return header;
        }
    }

    /** The first From address, or {@code null}. */
    String sender() {
        return from.isEmpty() ? null : from.get(0);
    }

    /** One line for the log: the sender's texts with control characters escaped, so they cannot forge lines. */
    @Override
    public String toString() {
        return EscapedText.oneLine((messageId != null ? messageId : "(no Message-ID)") + " from "
                + (fromProblem != null ? "(unknown)" : sender()) + " \"" + subject + "\"");
    }
}
