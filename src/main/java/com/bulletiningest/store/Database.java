package com.bulletiningest.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database, migrated to the current schema: the configured one, or an embedded PostgreSQL keeping its
 * files under {@code <data-dir>/postgres} when no URL is given.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;

    /** How long a caller waits for a connection when the database is unreachable, unless configured. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

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
            Path files = dataDir.resolve("postgres").toAbsolutePath();
            Files.createDirectories(files);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(files).setCleanDataDirectory(false);
            if (embeddedPort > 0) {
                builder.setPort(embeddedPort);
            }
            embedded = builder.start();
            config.setJdbcUrl(embedded.getJdbcUrl("postgres", "postgres"));
            LOG.info("Embedded PostgreSQL under {}: {} (user postgres, no password: psql -h localhost -p {} -U postgres postgres)",
                    files.toAbsolutePath(), config.getJdbcUrl(), embedded.getPort());
        } else {
            embedded = null;
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
        }
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
