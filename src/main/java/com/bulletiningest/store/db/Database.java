package com.bulletiningest.store.db;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.bulletiningest.embedded.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database, migrated to the current schema: the configured one, or an embedded PostgreSQL keeping its
 * files under {@code <data-dir>/postgres} when no URL is given ({@link EmbeddedPostgresServer}). A configured database
 * that is down at start does not stop the service: the pool connects once it is up and the schema is migrated then.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** How long a caller waits for a connection when the database is unreachable, unless configured. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Connections of the console and REST API: a pool of their own, so that no number of web requests can take the
     * connections ingest and the outbox need. The web side admits at most this many requests at a time.
     */
    public static final int WEB_CONNECTIONS = 3;

    private final EmbeddedPostgresServer embedded;
    private final HikariDataSource pool;
    private final HikariDataSource webPool;
    private final SchemaGate schema;
    private final SchemaGate webSchema;

    /** @param embeddedPort port of the embedded PostgreSQL, 0 for any free one */
    public Database(String url, String user, String password, Path dataDir, int embeddedPort) throws IOException {
        this(url, user, password, dataDir, embeddedPort, DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * @param connectionTimeout how long an ingest waits for a connection before it gives its input back for a retry;
     *                          the pool keeps trying to connect for that long, also when the server is stopped
     */
    public Database(String url, String user, String password, Path dataDir, int embeddedPort, Duration connectionTimeout)
            throws IOException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bulletins");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        if (url == null || url.isBlank()) {
            embedded = EmbeddedPostgresServer.start(dataDir, embeddedPort);
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(embedded.user());
            config.setPassword(embedded.password());
        } else {
            embedded = null;
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            // no connection needed to start: the pool keeps trying in the background
            config.setInitializationFailTimeout(-1);
        }
        pool = new HikariDataSource(config);
        HikariConfig web = new HikariConfig();
        config.copyStateTo(web);
        web.setPoolName("web");
        web.setMaximumPoolSize(WEB_CONNECTIONS);
        web.setMinimumIdle(1);
        webPool = new HikariDataSource(web);
        String where = JdbcUrls.masked(config.getJdbcUrl());
        schema = new SchemaGate(pool, where);
        webSchema = schema.over(webPool);
        try {
            schema.migrate();
        } catch (DatabaseUnavailableException e) {
            if (embedded != null) {
                close();
                throw new IOException(e.getMessage(), e);
            }
            LOG.warn("{}; the service runs anyway: files and mails wait in their inboxes, the schema is migrated "
                    + "and ingesting begins once the database can be reached", e.getMessage());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Connections to the migrated schema (a connection waits for the migration of a database that was down). */
    public DataSource dataSource() {
        return schema;
    }

    /** Connections for the console and REST API only ({@link #WEB_CONNECTIONS}), to the migrated schema. */
    public DataSource webDataSource() {
        return webSchema;
    }

    /** How busy the web pool is now. */
    public PoolState webPoolState() {
        HikariPoolMXBean state = webPool.getHikariPoolMXBean();
        return state == null ? new PoolState(0, 0, 0, WEB_CONNECTIONS)
                : new PoolState(state.getActiveConnections(), state.getIdleConnections(),
                        state.getThreadsAwaitingConnection(), WEB_CONNECTIONS);
    }

    /** Connections in use, idle, callers waiting for one, and the most the pool opens. */
    public record PoolState(int active, int idle, int waiting, int max) {
    }

    @Override
    public void close() throws IOException {
        webPool.close();
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
