package com.bulletiningest.store.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.fixtures.Unenriched;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.store.read.StoredNotices;
import com.bulletiningest.store.read.StoredNotice;
import com.bulletiningest.store.write.BulletinStore;
import com.bulletiningest.store.write.ReceivedBulletin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.fixtures.TestBulletins.bulletin;
import static com.bulletiningest.fixtures.TestBulletins.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL under the data directory, and a configured one that is down, on real servers. */
@DisplayName("database")
class DatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("a fresh data directory gets a new database migrated to the current schema")
    void migratesAFreshDatabase() throws Exception {
        try (Database database = new Database("", "", "", dataDir, 0)) {
            assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
            assertThat(strings(database, "select version from flyway_schema_history where success order by installed_rank"))
                    .startsWith("1", "2", "3");
            assertThat(strings(database, "select table_name from information_schema.tables where table_schema = 'public' "
                    + "order by table_name")).contains("bulletin", "section", "notice_group", "notice", "outbox");
        }
    }

    @Test
    @DisplayName("restarted on the same data directory, the embedded database still holds what was stored")
    void keepsDataAcrossRestarts() throws Exception {
        long bulletinId;
        try (Database database = new Database("", "", "", dataDir, 0)) {
            bulletinId = save(database, "f");
        }
        try (Database database = new Database("", "", "", dataDir, 0)) {
            BulletinStore store = store(database.dataSource());
            assertThat(store.findByHash("f".repeat(64))).contains(bulletinId);
            assertThat(new StoredNotices(database.dataSource()).of(bulletinId)).extracting(StoredNotice::title).containsExactly("专利审查指南修改");
        }
    }

    @Test
    @DisplayName("the embedded server commits durably (fsync, synchronous_commit, full_page_writes on) and listens on "
            + "loopback only")
    void durableAndLoopbackOnly() throws Exception {
        try (Database database = new Database("", "", "", dataDir, 0)) {
            assertThat(strings(database, "select name || '=' || setting from pg_settings where name in ('fsync', "
                    + "'synchronous_commit', 'full_page_writes', 'listen_addresses') order by name"))
                    .containsExactly("fsync=on", "full_page_writes=on", "listen_addresses=localhost",
                            "synchronous_commit=on");
        }
    }

    @Test
    @DisplayName("the embedded server lets in only with a password: none or a wrong one is refused, the one in the 0600 "
            + "file works; the service's role owns its database and is no superuser")
    void passwordsOnly() throws Exception {
        try (Database database = new Database("", "", "", dataDir, 0)) {
            String port = strings(database, "show port").get(0);
            Path passwordFile = dataDir.resolve("bulletins.password");
            Path superuserPasswordFile = dataDir.resolve("postgres-superuser.password");
            for (Path file : List.of(passwordFile, superuserPasswordFile)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            for (String user : List.of("bulletins", "postgres")) {
                assertThatThrownBy(() -> connect(port, user, null)).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> connect(port, user, "wrong")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("password authentication failed");
            }
            try (Connection connection = connect(port, "bulletins", Files.readString(passwordFile))) {
                assertThat(firstValue(connection, "select rolsuper from pg_roles where rolname = current_user")).isEqualTo("f");
                assertThat(firstValue(connection, "select pg_get_userbyid(datdba) from pg_database "
                        + "where datname = current_database()")).isEqualTo("bulletins");
                assertThat(firstValue(connection, "select count(*) from bulletin")).isEqualTo("0");
            }
            try (Connection connection = connect(port, "postgres", Files.readString(superuserPasswordFile))) {
                assertThat(firstValue(connection, "select rolsuper from pg_roles where rolname = current_user")).isEqualTo("t");
            }
        }
    }

    @Test
    @DisplayName("a second service on a data directory in use is refused with the reason; the first keeps running")
    void dataDirectoryInUse() throws Exception {
        try (Database first = new Database("", "", "", dataDir, 0)) {
            assertThatThrownBy(() -> new Database("", "", "", dataDir, 0)).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("in use by another running bulletin-ingest");
            assertThat(strings(first, "select count(*) from bulletin")).containsExactly("0");
        }
    }

    @Test
    @DisplayName("a data directory of the older version (trust, tables in the database postgres) is upgraded at start: "
            + "passwords required from then on, its bulletins kept, new ones stored by the service's role")
    void upgradesATrustingDataDirectory() throws Exception {
        Path files = dataDir.resolve("postgres");
        long oldId;
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(files).setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(old.getPostgresDatabase()).load().migrate();
            oldId = save(old.getPostgresDatabase(), "a");
        }
        try (Database database = new Database("", "", "", dataDir, 0)) {
            BulletinStore store = store(database.dataSource());
            assertThat(store.findByHash("a".repeat(64))).contains(oldId);
            assertThat(save(database, "b")).isGreaterThan(oldId);
            String port = strings(database, "show port").get(0);
            assertThatThrownBy(() -> connect(port, "postgres", null)).isInstanceOf(SQLException.class);
            assertThat(Files.readString(files.resolve("pg_hba.conf"))).doesNotContain("trust");
        }
        try (Database database = new Database("", "", "", dataDir, 0)) {
            assertThat(strings(database, "select sha256 from bulletin order by id")).containsExactly("a".repeat(64), "b".repeat(64));
        }
    }

    @Test
    @DisplayName("a configured database that is down at start: the database opens anyway, connections fail as "
            + "unreachable; once the server is up the schema is migrated at the next connection")
    void configuredDatabaseDownAtStart() throws Exception {
        int port = freePort();
        try (Database database = new Database("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "", dataDir,
                0, Duration.ofMillis(500))) {
            assertThatThrownBy(() -> database.dataSource().getConnection())
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .satisfies(e -> assertThat(DatabaseUnavailableException.isCause(e)).isTrue());
            assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();

            try (EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port).start()) {
                assertThat(firstQueryThatSucceeds(database, "select count(*) from bulletin", Duration.ofSeconds(30)))
                        .containsExactly("0");
            }
        }
    }

    /** The pool's background connection attempts back off up to 5 s while the server is down. */
    private static List<String> firstQueryThatSucceeds(Database database, String sql, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return strings(database, sql);
            } catch (SQLTransientConnectionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private static long save(Database database, String hashLetter) {
        return save(database.dataSource(), hashLetter);
    }

    private static long save(DataSource dataSource, String hashLetter) {
        Bulletin bulletin = oneNotice();
        return store(dataSource).save(received(hashLetter), bulletin, Unenriched.notices(bulletin)).bulletinId();
    }

    private static ReceivedBulletin received(String hashLetter) {
        return new ReceivedBulletin(hashLetter.repeat(64), "folder", "inbox/" + hashLetter + ".pdf", null, Instant.now(),
                "text");
    }

    private static Bulletin oneNotice() {
        return bulletin(LocalDate.of(2021, 3, 12), section("ip", "知识产权信息篇", LocalDate.of(2021, 3, 8), "资讯", "专利审查指南修改"));
    }

    private static BulletinStore store(DataSource dataSource) {
        return new BulletinStore(dataSource, (connection, bulletin) -> 0);
    }

    private static Connection connect(String port, String user, String password) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        if (password != null) {
            login.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + user, login);
    }

    private static String firstValue(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<String> strings(Database database, String sql) throws Exception {
        return Rows.firstColumn(database.dataSource(), sql);
    }
}
