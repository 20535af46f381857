package com.bulletiningest.store.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.LoggerFactory;

/**
 * The connections the store and the outbox use, given out only once the schema is migrated: a service started while
 * its database was down migrates at the first connection after the database came up. Until then every connection
 * fails as unreachable, so an intake leaves its file or mail for the next poll.
 */
final class SchemaGate implements DataSource {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SchemaGate.class);

    private final DataSource pool;
    private final String where;
    /** The gate that migrates: this one, or the one {@link #over(DataSource)} was called on. */
    private final SchemaGate migrator;
    private volatile boolean migrated;

    /** @param where the database as it may be logged */
    SchemaGate(DataSource pool, String where) {
        this.pool = pool;
        this.where = where;
        this.migrator = this;
    }

    private SchemaGate(DataSource pool, SchemaGate migrator) {
        this.pool = pool;
        this.where = migrator.where;
        this.migrator = migrator;
    }

    /** The same gate in front of another pool of the same database: it waits for this gate's migration. */
    SchemaGate over(DataSource otherPool) {
        return new SchemaGate(otherPool, this);
    }

    /** Migrates the schema unless done; throws {@link DatabaseUnavailableException} while the database is unreachable. */
    synchronized void migrate() {
        if (migrated) {
            return;
        }
        try {
            Flyway.configure().dataSource(pool).load().migrate();
        } catch (FlywayException e) {
            if (DatabaseUnavailableException.isCause(e)) {
                throw new DatabaseUnavailableException("PostgreSQL at " + where + " cannot be reached", driverFailure(e));
            }
            throw e;
        }
        migrated = true;
        LOG.info("Database schema at {} is up to date", where);
    }

    boolean isMigrated() {
        return migrated;
    }

    @Override
    public Connection getConnection() throws SQLException {
        ensureMigrated();
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        ensureMigrated();
        return pool.getConnection(username, password);
    }

    private void ensureMigrated() throws SQLException {
        if (migrator != this) {
            migrator.ensureMigrated();
            return;
        }
        if (migrated) {
            return;
        }
        try {
            migrate();
        } catch (DatabaseUnavailableException e) {
            throw new SQLTransientConnectionException(e.getMessage(), "08001", e);
        } catch (FlywayException e) {
            throw new SQLException("the database schema could not be migrated: " + e.getMessage(), e);
        }
    }

    /** The driver's own failure (e.g. "Connection to localhost:5432 refused"), not Flyway's multi-line report. */
    private static Throwable driverFailure(FlywayException failure) {
        Throwable driver = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                driver = cause;
            }
        }
        return driver;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
