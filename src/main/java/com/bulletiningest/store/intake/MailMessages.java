package com.bulletiningest.store.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import com.bulletiningest.store.db.PostgresText;
import com.bulletiningest.store.db.StoreException;

/**
 * The {@code mail_messages} table: one row per mailed-in message that was read (processed or failed), keyed on the
 * SHA-256 of its Message-ID. It is how a message delivered twice is recognised, and where the reason a message
 * failed is kept. Rejected senders are only logged: a stranger's mail leaves no row.
 */
public class MailMessages {

    /** What became of a message that was read. */
    public enum Status { PROCESSED, FAILED }

    /**
     * One row. The texts come from the sender and are stored as PostgreSQL can hold them ({@link PostgresText}).
     *
     * @param key       SHA-256 (hex) identifying the message
     * @param messageId the Message-ID header, or null
     * @param sender    the sender's address as read, or null
     * @param subject   the decoded subject, or null
     * @param reason    what was stored, or why nothing could be
     */
    public record Entry(String key, String messageId, String sender, String subject, Status status, String reason,
                        int pdfCount) {
        public Entry {
            messageId = PostgresText.clean(messageId);
            sender = PostgresText.clean(sender);
            subject = PostgresText.clean(subject);
            reason = PostgresText.clean(reason);
        }
    }

    private final DataSource dataSource;

    public MailMessages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return when a message with this key was processed, if it was */
    public Optional<Instant> processedAt(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select processed_at from mail_messages where message_key = ? and status = 'PROCESSED'")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getTimestamp(1).toInstant()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read mail_messages", e);
        }
    }

    /**
     * Forgets that the message failed, when that was recorded before {@code before}: it was put back to be read again
     * (the console's Retry), and a later outcome is the intake's own.
     */
    public void forgetFailed(String key, Instant before) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from mail_messages "
                     + "where message_key = ? and status = 'FAILED' and processed_at < ?")) {
            delete.setString(1, key);
            delete.setTimestamp(2, Timestamp.from(before));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.of("cannot forget the failed mail in mail_messages", e);
        }
    }

    /** Records (or, for a message tried again, updates) the outcome of reading a message. */
    public void record(Entry entry) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into mail_messages (message_key, message_id, sender, subject, status, reason, pdf_count, processed_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (message_key) do update set status = excluded.status, reason = excluded.reason,
                         pdf_count = excluded.pdf_count, processed_at = excluded.processed_at""")) {
            upsert.setString(1, entry.key());
            upsert.setString(2, entry.messageId());
            upsert.setString(3, entry.sender());
            upsert.setString(4, entry.subject());
            upsert.setString(5, entry.status().name());
            upsert.setString(6, entry.reason());
            upsert.setInt(7, entry.pdfCount());
            upsert.setTimestamp(8, Timestamp.from(Instant.now()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.of("cannot record the mail in mail_messages", e);
        }
    }
}
