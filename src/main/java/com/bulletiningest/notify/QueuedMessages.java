package com.bulletiningest.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.bulletiningest.store.db.StoreException;

/**
 * How a queued message goes out, the same for a mail digest ({@code outbox}) and a channel message
 * ({@code channel_delivery}), in the states of {@link DigestState}: queued until sent, retried with exponential back-off
 * (5 s, 10 s, 20 s … 10 min), or failed (refused for good) until someone resends it.
 * <p>
 * A sender {@link #claim}s a due row in two steps: it commits {@code sending_at} (so no sender takes the row again by
 * itself), then holds the row locked while it hands the message over and records the outcome in that transaction.
 * Two senders, in this instance or another, never hand over the same row. A sender that dies in between leaves the row
 * {@code sending} and no longer locked: {@link #abandoned()} finds it and treats it as its {@link AfterCrash} says.
 */
final class QueuedMessages {

    private static final int FIRST_BACKOFF_SECONDS = 5;
    private static final int MAX_BACKOFF_SECONDS = 600;
    /**
     * A row is locked a moment after its {@code sending_at} is committed; one older than this and not locked was left
     * by a sender that died. Far longer than that moment, far shorter than anyone looking at the console.
     */
    private static final int ABANDONED_AFTER_SECONDS = 10;
    /** The condition of a row a sender may take now. */
    static final String DUE = "sent_at is null and failed_at is null and sending_at is null and next_attempt_at <= now()";
    /** A row being handed over, or left so by a sender that died. */
    private static final String SENDING = "sending_at is not null and sent_at is null and failed_at is null "
            + "and unknown_at is null";

    /** What becomes of a message whose sender died while handing it over, so that it may or may not have arrived. */
    enum AfterCrash {
        /** sent again (at least once): the receiving side can recognise the copy (a mail's Message-ID) */
        SEND_AGAIN("sending_at = null, next_attempt_at = now()"),
        /** left {@code unknown} for an admin (at most once): the receiving side cannot recognise a copy (a robot) */
        LEAVE_UNKNOWN("unknown_at = now()");

        private final String assignments;

        AfterCrash(String assignments) {
            this.assignments = assignments;
        }
    }

    private final DataSource dataSource;
    private final String table;
    private final String what;
    private final AfterCrash afterCrash;
    private final String crashReason;

    /**
     * @param table       the table's name, a constant of this package
     * @param what        how the log and errors name one row: {@code digest}, {@code channel message}
     * @param afterCrash  what becomes of a row its sender left {@code sending}
     * @param crashReason its {@code last_error} then, for the console
     */
    QueuedMessages(DataSource dataSource, String table, String what, AfterCrash afterCrash, String crashReason) {
        this.dataSource = dataSource;
        this.table = table;
        this.what = what;
        this.afterCrash = afterCrash;
        this.crashReason = crashReason;
    }

    /** Whether a row may be sent now, asked in the transaction that claims it (before it is committed sending). */
    @FunctionalInterface
    interface Admission {
        Admission ALWAYS = connection -> true;

        boolean admits(Connection connection) throws SQLException;
    }

    /**
     * Claims a due row if {@code admission} admits it: commits it {@code sending}, then holds it locked. Empty when
     * it was sent or postponed meanwhile, another sender has it, or it was not admitted.
     */
    Optional<Claim> claim(long id, Admission admission) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            if (admission.admits(connection) && update(connection, "update " + table + " set sending_at = now() "
                    + "where id = (select id from " + table + " where id = ? and " + DUE + " for update skip locked)",
                    id) == 1) {
                connection.commit(); // from here on no sender takes it by itself, whatever becomes of this one
                if (update(connection, "select 1 from " + table + " where id = ? and " + SENDING + " for update", id)
                        == 1) {
                    return Optional.of(new Claim(connection, table, what + " #" + id, id));
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

    /**
     * The rows whose sender died while handing them over (left {@code sending}, no longer locked), treated as
     * {@link AfterCrash} says, with the reason as their last error and the attempt counted; returns their ids.
     */
    List<Long> abandoned() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update " + table + " set " + afterCrash.assignments
                     + ", attempts = attempts + 1, last_error = ? where id in (select id from " + table + " where "
                     + SENDING + " and sending_at < now() - interval '" + ABANDONED_AFTER_SECONDS + " seconds' "
                     + "for update skip locked) returning id")) {
            update.setString(1, crashReason);
            try (ResultSet rows = update.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot look for " + what + "s left sending", e);
        }
    }

    /**
     * Has the row sent at the next run of its sender, whatever its state, and notes when that was asked
     * ({@code resent_at}); empty when there is no such row. A row being sent right now is waited for.
     */
    Optional<Resent> resend(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("with before as (select id, case "
                     + DigestState.OF_ROW + " when 'sent' then 'AGAIN' when 'failed' then 'REQUEUED' "
                     + "when 'unknown' then 'UNKNOWN' else 'AT_ONCE' end as resent from " + table
                     + " where id = ? for update) "
                     + "update " + table + " o set next_attempt_at = now(), resent_at = now(), sent_at = null, "
                     + "failed_at = null, sending_at = null, unknown_at = null, "
                     + "attempts = case when before.resent = 'AT_ONCE' then o.attempts else 0 end, "
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

    /** Runs a statement with the id as its only parameter; returns the rows it touched or found. */
    private static int update(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            if (statement.execute()) {
                try (ResultSet rows = statement.getResultSet()) {
                    return rows.next() ? 1 : 0;
                }
            }
            return statement.getUpdateCount();
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
     * A row held locked while its message is handed over; its outcome ({@link #markSent()}, {@link #postpone},
     * {@link #fail}) is recorded and committed in the transaction that holds it, timed by the clock (the
     * transaction's {@code now()} is when the hand-over began). Closing it without an outcome leaves it
     * {@code sending}, as a crash would.
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

        /** Marks the message sent. */
        void markSent() {
            try (PreparedStatement done = connection.prepareStatement("update " + table + " set sent_at = clock_timestamp() "
                    + "where id = ?")) {
                done.setLong(1, id);
                done.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                throw StoreException.of(name + " was sent but could not be marked sent", e);
            }
        }

        /** Queues it again after an exponential back-off; returns the attempts so far. */
        int postpone(String error) {
            try (PreparedStatement update = connection.prepareStatement("update " + table + " set sending_at = null, "
                    + "attempts = attempts + 1, next_attempt_at = clock_timestamp() + least(? * power(2, attempts), ?) "
                    + "* interval '1 second', last_error = ? where id = ? returning attempts")) {
                update.setInt(1, FIRST_BACKOFF_SECONDS);
                update.setInt(2, MAX_BACKOFF_SECONDS);
                update.setString(3, error);
                update.setLong(4, id);
                int attempts;
                try (ResultSet row = update.executeQuery()) {
                    row.next();
                    attempts = row.getInt(1);
                }
                connection.commit();
                return attempts;
            } catch (SQLException e) {
                throw StoreException.of("cannot postpone " + name, e);
            }
        }

        /** Marks it failed: refused for good ({@code reply}, the server's own answer); it is not tried again. */
        void fail(String reply) {
            try (PreparedStatement update = connection.prepareStatement("update " + table + " set sending_at = null, "
                    + "attempts = attempts + 1, failed_at = clock_timestamp(), last_error = ? where id = ?")) {
                update.setString(1, reply);
                update.setLong(2, id);
                update.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                throw StoreException.of("cannot mark " + name + " failed", e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                connection.rollback(); // nothing left to undo after an outcome; releases the lock otherwise
            } catch (SQLException e) {
                throw StoreException.of("cannot release " + name, e);
            }
        }
    }
}
