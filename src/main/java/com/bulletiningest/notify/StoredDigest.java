package com.bulletiningest.notify;

import java.time.Instant;

/**
 * A digest in the outbox and how its sending went.
 *
 * @param sentAt   null until it is sent
 * @param failedAt when the mail server refused it for good (never retried unless resent), else null
 * @param resentAt when an admin last asked for it to be sent (again), else null
 * @param status   its {@link DigestState#label()}: queued, sending, failing (retried with back-off), sent, or failed
 *                 (refused for good)
 */
public record StoredDigest(long id, long bulletinId, String recipient, String subject, String messageId,
                           Instant createdAt, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt,
                           Instant failedAt, Instant resentAt, String status) {
}
