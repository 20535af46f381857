package com.bulletiningest.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL under {@code <data-dir>/postgres}, set up for data a user keeps: every commit durable
 * (zonky's test defaults fsync=off and synchronous_commit=off are overridden), password (SCRAM) authentication only,
 * listening on loopback only. The superuser {@code postgres} has a random password in
 * {@code <data-dir>/postgres-superuser.password}; the service connects as the role {@value #ROLE}, not a superuser,
 * owner of the database {@value #ROLE}, with the random password in {@code <data-dir>/bulletins.password} (both
 * files 0600, created at first start). A data directory made by an older version (trust authentication, tables in the
 * database {@code postgres}) is upgraded at its first start: passwords set, pg_hba.conf rewritten, its tables copied
 * into the database {@value #ROLE}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** The application's role and database. */
    static final String ROLE = "bulletins";
    static final String SUPERUSER = "postgres";
    static final String SUPERUSER_PASSWORD_FILE = "postgres-superuser.password";
    static final String PASSWORD_FILE = "bulletins.password";
    /** A start after a crash replays the WAL first: wait for it rather than give up after zonky's 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final String PG_HBA = """
            # bulletin-ingest: password (SCRAM) authentication only; the server listens on loopback only
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private final EmbeddedPostgres server;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres server, String password) {
        this.server = server;
        this.password = password;
    }

    /**
     * Starts the server on {@code <dataDir>/postgres} (initialised at first start), stopping what a killed earlier
     * run left running there, and prepares the application's role and database.
     *
     * @param port 0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
        Path files = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(files);
        Path superuserPasswordFile = dataDir.resolve(SUPERUSER_PASSWORD_FILE).toAbsolutePath();
        String superuserPassword = PasswordFile.readOrCreate(superuserPasswordFile);
        String password = PasswordFile.readOrCreate(dataDir.resolve(PASSWORD_FILE));
        LeftoverServer.clear(files);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(files)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                // zonky passes -F (fsync off) before these -c options: the later setting wins
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                // passed to initdb only, after zonky's "-A trust": a new data directory allows passwords only
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", superuserPasswordFile.toString())
                // zonky's readiness check logs in as postgres
                .setConnectConfig("password", superuserPassword);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres server = builder.start();
        try {
            prepare(server, files, superuserPassword, password);
        } catch (SQLException | IOException | RuntimeException e) {
            server.close();
            throw e instanceof IOException io ? io : new IOException("could not prepare the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
        LOG.info("Embedded PostgreSQL under {} on 127.0.0.1:{}, database and user {} (password in {}, superuser's "
                        + "in {}): PGPASSWORD=$(cat {}) psql -h 127.0.0.1 -p {} -U {} {}", files, server.getPort(), ROLE,
                dataDir.resolve(PASSWORD_FILE), dataDir.resolve(SUPERUSER_PASSWORD_FILE), dataDir.resolve(PASSWORD_FILE),
                server.getPort(), ROLE, ROLE);
        return new EmbeddedPostgresServer(server, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + ROLE;
    }

    public String user() {
        return ROLE;
    }

    public String password() {
        return password;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Upgrades an old trusting data directory, then makes sure the application's role and database exist. */
    private static void prepare(EmbeddedPostgres server, Path files, String superuserPassword, String password)
            throws SQLException, IOException {
        try (Connection admin = connect(server, "postgres", superuserPassword)) {
            if (!passwordsOnly(Files.readString(files.resolve("pg_hba.conf")))) {
                LOG.warn("The embedded PostgreSQL under {} accepted local connections without a password (made by an "
                        + "older version): setting passwords and allowing password logins only", files);
                execute(admin, "alter role postgres password " + literal(admin, superuserPassword));
                Files.writeString(files.resolve("pg_hba.conf"), PG_HBA);
                execute(admin, "select pg_reload_conf()");
            }
            boolean roleExists = exists(admin, "select 1 from pg_roles where rolname = ?", ROLE);
            // the password file wins: a lost one is replaced by a new password at the next start
            execute(admin, (roleExists ? "alter" : "create") + " role " + ROLE + " login nosuperuser nocreatedb "
                    + "nocreaterole password " + literal(admin, password));
            if (!exists(admin, "select 1 from pg_database where datname = ?", ROLE)) {
                createDatabase(server, admin, superuserPassword);
            }
        }
    }

    /** The application's database; for an old data directory, a copy of the database postgres its tables were in. */
    private static void createDatabase(EmbeddedPostgres server, Connection admin, String superuserPassword)
            throws SQLException {
        if (!exists(admin, "select 1 from pg_tables where schemaname = 'public' and tablename = ?",
                "flyway_schema_history")) {
            execute(admin, "create database " + ROLE + " owner " + ROLE);
            return;
        }
        LOG.warn("Copying the tables of the database postgres into the database {} (owned by the role {}); the "
                + "service no longer uses the copies in postgres", ROLE, ROLE);
        execute(admin, "create database " + ROLE + " owner " + ROLE + " template postgres");
        try (Connection copy = connect(server, ROLE, superuserPassword)) {
            List<String> statements = new ArrayList<>();
            // sequences of serial and identity columns change owner with their table
            try (Statement statement = copy.createStatement();
                 ResultSet objects = statement.executeQuery("select format('alter %s %I owner to " + ROLE + "', "
                         + "case c.relkind when 'S' then 'sequence' when 'v' then 'view' "
                         + "when 'm' then 'materialized view' else 'table' end, c.relname) "
                         + "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                         + "where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S') "
                         + "and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))")) {
                while (objects.next()) {
                    statements.add(objects.getString(1));
                }
            }
            for (String sql : statements) {
                execute(copy, sql);
            }
        }
    }

    /** Whether every rule of a pg_hba.conf asks for a SCRAM password (initdb --auth=scram-sha-256 writes such rules). */
    static boolean passwordsOnly(String pgHba) {
        return pgHba.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .allMatch(line -> List.of(line.split("\\s+")).contains("scram-sha-256"));
    }

    private static Connection connect(EmbeddedPostgres server, String database, String password) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", SUPERUSER);
        login.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort() + "/" + database, login);
    }

    private static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A string literal for DDL, which takes no parameters. */
    private static String literal(Connection connection, String value) throws SQLException {
        return connection.unwrap(org.postgresql.core.BaseConnection.class).escapeString(value).transform(s -> "'" + s + "'");
    }
}
