package com.bulletiningest.intake.mail;

import com.bulletiningest.store.ContentHash;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The identity of a mailed-in message.
 *
 * @param key       SHA-256 (hex) of the Message-ID, or of the whole message when it has none: the same message
 *                  delivered twice has the same key
 * @param messageId the Message-ID header, or {@code null}
 * @param sender    the first From address, or {@code null}
 * @param subject   the decoded subject, or {@code null}
 */
record ReceivedMail(String key, String messageId, String sender, String subject) {

    static ReceivedMail of(MimeMessage message) throws MessagingException {
        String messageId = message.getMessageID();
        if (messageId != null && messageId.isBlank()) {
            messageId = null;
        }
        Address[] from = message.getFrom();
        String sender = from == null || from.length == 0 ? null
                : from[0] instanceof InternetAddress internet ? internet.getAddress() : from[0].toString();
        return new ReceivedMail(messageId != null ? ContentHash.sha256(messageId.strip())
                : ContentHash.sha256(raw(message)), messageId, sender, message.getSubject());
    }

    @Override
    public String toString() {
        return (messageId != null ? messageId : "(no Message-ID)") + " from " + sender + " \"" + subject + "\"";
    }

    private static byte[] raw(MimeMessage message) throws MessagingException {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("cannot read the message: " + e.getMessage(), e);
        }
    }

}
