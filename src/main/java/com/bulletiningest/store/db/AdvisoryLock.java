package com.bulletiningest.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * A PostgreSQL advisory lock on a name, for work that one instance at a time may do. It is taken inside a transaction
 * that stays open while the lock is held, so PostgreSQL gives it up when that transaction ends: on {@link Held#close},
 * and also when the holder's connection dies with its instance (nothing to expire).
 */
public final class AdvisoryLock {

    private final DataSource dataSource;
    private final long key;
    private final String name;

    public AdvisoryLock(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.key = key(name);
        this.name = name;
    }

    /** The advisory lock key of a name, for {@code pg_advisory_xact_lock} also in a transaction of one's own. */
    public static long key(String name) {
        return Long.parseLong(ContentHash.sha256("advisory lock: " + name).substring(0, 15), 16);
    }

    /** @return the lock, to be closed when the work is done; empty while another session holds it */
    public Optional<Held> tryAcquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new Held(connection));
                    }
                }
            }
            end(connection);
            return Optional.empty();
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    end(connection);
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw StoreException.of("cannot take the lock on " + name, e);
        }
    }

    private static void end(Connection connection) throws SQLException {
        try (connection) {
            connection.rollback();
        }
    }

    /** The lock while held: closing it ends its transaction, which gives the lock up. */
    public final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try {
                end(connection);
            } catch (SQLException e) {
                throw StoreException.of("cannot give up the lock on " + name + " (its connection ends anyway)", e);
            }
        }
    }
}
