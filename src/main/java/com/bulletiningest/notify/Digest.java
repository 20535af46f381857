package com.bulletiningest.notify;

/** One owner's mail about one bulletin. */
public record Digest(String recipient, String subject, String body, int notices) {
}
