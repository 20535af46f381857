package com.bulletiningest.notify;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A digest in the outbox and how its sending went.
 *
 * @param sentAt   null while queued or failing
 * @param failedAt when the mail server refused it for good (never retried unless resent), else null
 * @param resentAt when an admin last asked for it to be sent (again), else null
 */
public record StoredDigest(long id, long bulletinId, String recipient, String subject, String messageId,
                           Instant createdAt, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt,
                           Instant failedAt, Instant resentAt) {

    /** queued, failing (retried with back-off), sent, or failed (refused for good) */
    @JsonProperty
    public String status() {
        return sentAt != null ? "sent" : failedAt != null ? "failed" : lastError != null ? "failing" : "queued";
    }
}
