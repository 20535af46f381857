package com.bulletiningest.store.read;

import java.time.Instant;

/** A mailed-in message from which no bulletin could be read, with the reason the mail intake recorded. */
public record FailedMail(String messageId, String sender, String subject, String reason, Instant processedAt) {
}
