package com.bulletiningest.store;

import java.time.Instant;

/**
 * A digest in the outbox and how its sending went.
 *
 * @param sentAt null while queued or failing
 */
public record StoredDigest(long id, long bulletinId, String recipient, String subject, String messageId,
                           Instant createdAt, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {

    public String status() {
        return sentAt != null ? "sent" : lastError != null ? "failing" : "queued";
    }
}
