package com.bulletiningest.intake.mail;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.bulletiningest.store.StoreException;

/**
 * The {@code mail_messages} table: one row per mailed-in message that was read (processed or failed), keyed on the
 * SHA-256 of its Message-ID. It is how a message delivered twice is recognised, and where the reason a message
 * failed is kept. Rejected senders are only logged: a stranger's mail leaves no row.
 */
public class MailMessageLog {

    private final DataSource dataSource;

    public MailMessageLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return when a message with this key was processed, e.g. {@code "on 2026-11-22T23:10:00Z"}, if it was */
    public Optional<String> processedBefore(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select processed_at from mail_messages where message_key = ? and status = 'PROCESSED'")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of("on " + row.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read mail_messages", e);
        }
    }

    /** Records (or, for a message tried again, updates) the outcome of reading a message. */
    void record(ReceivedMail mail, MailOutcome outcome, int pdfCount) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into mail_messages (message_key, message_id, sender, subject, status, reason, pdf_count, processed_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (message_key) do update set status = excluded.status, reason = excluded.reason,
                         pdf_count = excluded.pdf_count, processed_at = excluded.processed_at""")) {
            upsert.setString(1, mail.key());
            upsert.setString(2, mail.messageId());
            upsert.setString(3, mail.sender());
            upsert.setString(4, mail.subject());
            upsert.setString(5, outcome.status().name());
            upsert.setString(6, outcome.note());
            upsert.setInt(7, pdfCount);
            upsert.setTimestamp(8, Timestamp.from(Instant.now()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.of("cannot record the mail in mail_messages", e);
        }
    }
}
