package com.bulletiningest.intake.mail;

/**
 * A PDF found in a mail message.
 *
 * @param originalName the decoded, sanitised attachment name: for display and storage only, never a path
 * @param content      the decoded bytes; they start with {@code %PDF-}
 */
public record FoundPdf(String originalName, byte[] content) {
}
