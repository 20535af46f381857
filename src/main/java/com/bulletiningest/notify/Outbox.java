package com.bulletiningest.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.bulletiningest.store.db.ContentHash;
import com.bulletiningest.store.db.StoreException;
import com.bulletiningest.store.write.StoredBulletin;
import com.bulletiningest.store.write.StoredListener;

/**
 * The outbox table: digests queued with their bulletin and taken out by {@link OutboxSender}. Every statement on it
 * lives here. When the store announces a bulletin, each owner who follows some of its new notices gets one digest
 * row, in the store's transaction. A digest is pending, sent, or failed (refused for good by the mail server) until
 * someone resends it. Failures of the database come out as the store's {@link StoreException} (a
 * {@code DatabaseUnavailableException} when it cannot be reached).
 */
public final class Outbox implements StoredListener {

    private static final int FIRST_BACKOFF_SECONDS = 5;
    private static final int MAX_BACKOFF_SECONDS = 600;

    /** A queued digest as the sender needs it. */
    public record Pending(long id, String recipient, String subject, String text, String html, String messageId) {
    }

    private final DataSource dataSource;
    private final Supplier<Owners> owners;
    private final DigestComposer composer;

    /**
     * @param owners the current owners, asked for on every bulletin (a {@code config.ReloadingConfig} re-reads the
     *               owners file when it changes)
     */
    public Outbox(DataSource dataSource, Supplier<Owners> owners, DigestComposer composer) {
        this.dataSource = dataSource;
        this.owners = owners;
        this.composer = composer;
    }

    /** Queues one digest per owner who follows some of the bulletin's new notices. */
    @Override
    public int onStored(Connection connection, StoredBulletin bulletin) throws SQLException {
        int queued = 0;
        for (Owner owner : owners.get().all()) {
            Optional<Digest> digest = composer.compose(owner, bulletin);
            if (digest.isPresent()) {
                insert(connection, bulletin.id(), digest.get());
                queued++;
            }
        }
        return queued;
    }

    private static void insert(Connection connection, long bulletinId, Digest digest) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into outbox (bulletin_id, recipient, "
                + "subject, body, html, message_id) values (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, bulletinId);
            insert.setString(2, digest.recipient());
            insert.setString(3, digest.subject());
            insert.setString(4, digest.text());
            insert.setString(5, digest.html());
            insert.setString(6, messageId(bulletinId, digest.recipient()));
            insert.executeUpdate();
        }
    }

    /**
     * The digest's Message-ID, the same whenever it is sent: a resend after a lost acknowledgement can be recognised
     * by the receiver. The address is hashed so that any address makes a valid Message-ID.
     */
    static String messageId(long bulletinId, String recipient) {
        return "<digest-" + bulletinId + "-" + ContentHash.sha256(recipient.toLowerCase(Locale.ROOT)).substring(0, 16)
                + "@bulletin-ingest>";
    }

    /** Up to {@code limit} digests not sent yet whose next attempt is due, oldest first. */
    public List<Pending> due(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select id, recipient, subject, body, html, "
                     + "message_id from outbox where sent_at is null and failed_at is null and next_attempt_at <= now() "
                     + "order by id limit ?")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<Pending> due = new ArrayList<>();
                while (rows.next()) {
                    due.add(new Pending(rows.getLong("id"), rows.getString("recipient"), rows.getString("subject"),
                            rows.getString("body"), rows.getString("html"), rows.getString("message_id")));
                }
                return due;
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the outbox", e);
        }
    }

    /**
     * Locks a due digest's row ({@code for update skip locked}) so that no other sender takes it while it is being
     * sent; empty when it was sent or postponed meanwhile, or another sender holds it.
     */
    public Optional<Claim> claim(long id) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select 1 from outbox where id = ? and sent_at "
                    + "is null and failed_at is null and next_attempt_at <= now() for update skip locked")) {
                lock.setLong(1, id);
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next()) {
                        return Optional.of(new Claim(connection, id));
                    }
                }
            }
            connection.rollback();
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw StoreException.of("cannot lock digest #" + id, e);
        }
    }

    /** Sets the digest's next attempt after an exponential back-off (5 s, 10 s, 20 s … 10 min); returns its attempts. */
    public int postpone(long id, String error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update outbox set attempts = attempts + 1, "
                     + "next_attempt_at = now() + least(? * power(2, attempts), ?) * interval '1 second', last_error = ? "
                     + "where id = ? returning attempts")) {
            update.setInt(1, FIRST_BACKOFF_SECONDS);
            update.setInt(2, MAX_BACKOFF_SECONDS);
            update.setString(3, error);
            update.setLong(4, id);
            try (ResultSet attempts = update.executeQuery()) {
                attempts.next();
                return attempts.getInt(1);
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot postpone digest #" + id, e);
        }
    }

    /** Marks the digest failed: the server refused it for good ({@code reply}); it is not tried again. */
    public void fail(long id, String reply) {
        update("update outbox set attempts = attempts + 1, failed_at = now(), last_error = ? where id = ?",
                "cannot mark digest #" + id + " failed", reply, id);
    }

    /** What {@link #resend} did, by the state the digest was in. */
    public enum Resent {
        /** it was queued or failing: its back-off is cut short */
        AT_ONCE,
        /** it was failed (refused for good): queued again with a fresh back-off, e.g. once the address is fixed */
        REQUEUED,
        /** it was sent: queued to go out once more, same Message-ID and content, attempts counted afresh */
        AGAIN
    }

    /**
     * Has the digest sent at the next run of the sender, whatever its state, and notes when that was asked
     * ({@code resent_at}); empty when there is no digest with this id. A digest being sent right now is waited for.
     */
    public Optional<Resent> resend(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     with before as (select id, case %s when 'sent' then 'AGAIN'
                             when 'failed' then 'REQUEUED' else 'AT_ONCE' end as resent
                         from outbox where id = ? for update)
                     update outbox o set next_attempt_at = now(), resent_at = now(), sent_at = null, failed_at = null,
                         attempts = case when before.resent = 'AT_ONCE' then o.attempts else 0 end,
                         last_error = case when before.resent = 'AGAIN' then null else o.last_error end
                     from before where o.id = before.id returning before.resent""".formatted(DigestState.OF_ROW))) {
            update.setLong(1, id);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(Resent.valueOf(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot resend digest #" + id, e);
        }
    }

    private int update(String sql, String failure, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.of(failure, e);
        }
    }

    private static void closeQuietly(Connection connection, SQLException failure) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * A digest's row held locked while the SMTP server takes it. {@link #markSent()} commits; closing without it rolls
     * back and releases the digest.
     */
    public static final class Claim implements AutoCloseable {

        private final Connection connection;
        private final long id;

        private Claim(Connection connection, long id) {
            this.connection = connection;
            this.id = id;
        }

        /** Marks the digest sent, in the transaction that held it while it was sent. */
        public void markSent() {
            try (PreparedStatement done = connection.prepareStatement("update outbox set sent_at = now() where id = ?")) {
                done.setLong(1, id);
                done.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                throw StoreException.of("digest #" + id + " was sent but could not be marked sent", e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                connection.rollback(); // nothing left to undo after markSent; releases the lock otherwise
            } catch (SQLException e) {
                throw StoreException.of("cannot release digest #" + id, e);
            }
        }
    }
}
