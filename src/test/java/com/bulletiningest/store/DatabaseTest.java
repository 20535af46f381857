package com.bulletiningest.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.fixtures.Unenriched;
import com.bulletiningest.split.Bulletin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.fixtures.TestBulletins.bulletin;
import static com.bulletiningest.fixtures.TestBulletins.section;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL under the data directory, on a real server. */
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
            Bulletin kept = bulletin(LocalDate.of(2021, 3, 12),
                    section("ip", "知识产权信息篇", LocalDate.of(2021, 3, 8), "资讯", "专利审查指南修改"));
            bulletinId = store(database).save(new ReceivedBulletin("f".repeat(64), "folder", "inbox/kept.pdf", null,
                    Instant.now(), "text"), kept, Unenriched.notices(kept)).bulletinId();
        }
        try (Database database = new Database("", "", "", dataDir, 0)) {
            BulletinStore store = store(database);
            assertThat(store.findByHash("f".repeat(64))).contains(bulletinId);
            assertThat(new NoticeQueries(database.dataSource()).noticesOf(bulletinId)).extracting(StoredNotice::title).containsExactly("专利审查指南修改");
        }
    }

    private static BulletinStore store(Database database) {
        return new BulletinStore(database.dataSource(), (connection, bulletin) -> 0);
    }

    private static List<String> strings(Database database, String sql) throws Exception {
        return Rows.firstColumn(database.dataSource(), sql);
    }
}
