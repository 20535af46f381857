package com.bulletiningest.store.read;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An ingested bulletin: where it came from, when, and what it was split into.
 *
 * @param sender      for a mailed bulletin, the From of its message (when the mail intake recorded it), else null
 * @param mailSubject … and its subject
 * @param scannedNotices how many of its notices were read by OCR from scanned pages
 */
public record ArchivedBulletin(long id, String sourceKind, String originalName, String messageId, String sender,
                             String mailSubject, Instant receivedAt, LocalDate issued, int pages, int sections,
                             int notices, int repeats, int scannedNotices, boolean hasPdf) {
}
