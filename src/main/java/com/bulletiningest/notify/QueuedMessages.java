package com.bulletiningest.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import com.bulletiningest.store.db.StoreException;

/**
 * How a queued message goes out, the same for a mail digest ({@code outbox}) and a channel message
 * ({@code channel_delivery}): pending until sent, retried with exponential back-off (5 s, 10 s, 20 s … 10 min), or
 * failed (refused for good) until someone resends it. A sender {@link #claim}s a due row with a row lock so that no
 * other sender, in this instance or another, takes it while it is being sent, and marks it sent in that same
 * transaction.
 */
final class QueuedMessages {

    private static final int FIRST_BACKOFF_SECONDS = 5;
    private static final int MAX_BACKOFF_SECONDS = 600;
    /** The condition of a row a sender may take now. */
    static final String DUE = "sent_at is null and failed_at is null and next_attempt_at <= now()";

    private final DataSource dataSource;
    private final String table;
    private final String what;

    /**
     * @param table the table's name, a constant of this package
     * @param what  how the log and errors name one row: {@code digest}, {@code channel message}
     */
    QueuedMessages(DataSource dataSource, String table, String what) {
        this.dataSource = dataSource;
        this.table = table;
        this.what = what;
    }

    /**
     * Locks a due row ({@code for update skip locked}); empty when it was sent or postponed meanwhile, or another
     * sender holds it.
     */
    Optional<Claim> claim(long id) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select 1 from " + table + " where id = ? and "
                    + DUE + " for update skip locked")) {
                lock.setLong(1, id);
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next()) {
                        return Optional.of(new Claim(connection, table, what + " #" + id, id));
                    }
                }
            }
            connection.rollback();
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw StoreException.of("cannot lock " + what + " #" + id, e);
        }
    }

    /** Sets the next attempt after an exponential back-off; returns the attempts so far. */
    int postpone(long id, String error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update " + table + " set attempts = attempts + 1, "
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
            throw StoreException.of("cannot postpone " + what + " #" + id, e);
        }
    }

    /** Marks the row failed: refused for good ({@code reply}, the server's own answer); it is not tried again. */
    void fail(long id, String reply) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update " + table + " set attempts = attempts + 1, "
                     + "failed_at = now(), last_error = ? where id = ?")) {
            update.setString(1, reply);
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.of("cannot mark " + what + " #" + id + " failed", e);
        }
    }

    /**
     * Has the row sent at the next run of its sender, whatever its state, and notes when that was asked
     * ({@code resent_at}); empty when there is no such row. A row being sent right now is waited for.
     */
    Optional<Resent> resend(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("with before as (select id, case "
                     + DigestState.OF_ROW + " when 'sent' then 'AGAIN' when 'failed' then 'REQUEUED' else 'AT_ONCE' end "
                     + "as resent from " + table + " where id = ? for update) "
                     + "update " + table + " o set next_attempt_at = now(), resent_at = now(), sent_at = null, "
                     + "failed_at = null, attempts = case when before.resent = 'AT_ONCE' then o.attempts else 0 end, "
                     + "last_error = case when before.resent = 'AGAIN' then null else o.last_error end "
                     + "from before where o.id = before.id returning before.resent")) {
            update.setLong(1, id);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(Resent.valueOf(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot resend " + what + " #" + id, e);
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
     * A row held locked while its message is handed over. {@link #markSent()} commits; closing without it rolls back
     * and releases the row.
     */
    static final class Claim implements AutoCloseable {

        private final Connection connection;
        private final String table;
        private final String name;
        private final long id;

        private Claim(Connection connection, String table, String name, long id) {
            this.connection = connection;
            this.table = table;
            this.name = name;
            this.id = id;
        }

        /** Marks the message sent, in the transaction that held it while it was sent. */
        void markSent() {
            try (PreparedStatement done = connection.prepareStatement("update " + table + " set sent_at = now() "
                    + "where id = ?")) {
                done.setLong(1, id);
                done.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                throw StoreException.of(name + " was sent but could not be marked sent", e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                connection.rollback(); // nothing left to undo after markSent; releases the lock otherwise
            } catch (SQLException e) {
                throw StoreException.of("cannot release " + name, e);
            }
        }
    }
}
