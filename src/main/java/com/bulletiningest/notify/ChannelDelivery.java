package com.bulletiningest.notify;

import java.time.Instant;

/**
 * A message to a channel in the outbox and how its sending went, as the console shows it.
 *
 * @param owner   the owner's address, or its name when it has none
 * @param channel the type and the address without its key ({@link Channel#masked()})
 * @param status  its {@link DigestState#label()}: queued, sending, failing (retried with back-off), sent, failed
 *                (refused for good; {@code lastError} keeps the platform's answer) or unknown (the service stopped
 *                while posting it; not posted again unless resent)
 */
public record ChannelDelivery(long id, long bulletinId, String owner, String type, String channel, String title,
                              int notices, String status, int attempts, String lastError, Instant createdAt,
                              Instant nextAttemptAt, Instant sentAt, Instant failedAt, Instant resentAt) {
}
