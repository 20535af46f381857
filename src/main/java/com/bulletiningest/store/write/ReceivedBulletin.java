package com.bulletiningest.store.write;

import java.time.Instant;

import com.bulletiningest.store.db.PostgresText;

/**
 * How a bulletin arrived. Names, Message-ID and text come from outside and are kept as PostgreSQL can hold them
 * ({@link PostgresText}): a NUL in a PDF's text or an attachment name must not make every write fail.
 *
 * @param sha256       hex SHA-256 of the PDF's bytes: the bulletin's identity
 * @param sourceKind   {@code folder} or {@code mail}
 * @param originalName file name (inbox/x.pdf) or attachment name
 * @param messageId    Message-ID of the mail it came with, or null
 * @param text         the text extracted from the PDF, kept with the bulletin
 */
public record ReceivedBulletin(String sha256, String sourceKind, String originalName, String messageId,
                               Instant receivedAt, String text) {

    public ReceivedBulletin {
        originalName = PostgresText.clean(originalName);
        messageId = PostgresText.clean(messageId);
        text = PostgresText.clean(text);
    }
}
