package com.bulletiningest.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.bulletiningest.notify.DigestComposer;
import com.bulletiningest.notify.Owner;
import com.bulletiningest.notify.Owners;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.BulletinReader;
import com.bulletiningest.split.Categories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The store on a real (embedded) PostgreSQL, with the corpus bulletins as split by the real reader. */
@DisplayName("bulletin store")
class BulletinStoreTest {

    @TempDir
    static Path dataDir;

    private static Database database;
    private static BulletinStore store;
    private static Bulletin seed000;
    private static Bulletin seed001;

    @BeforeAll
    static void open() throws Exception {
        database = new Database("", "", "", dataDir, 0);
        Owners owners = new Owners(List.of(new Owner("pharma@example.com", Set.of("pharma")),
                new Owner("all@example.com", Set.of("pharma", "ip", "tech")),
                new Owner("nobody@example.com", Set.of("astronomy"))));
        store = new BulletinStore(database.dataSource(), owners, new DigestComposer());
        BulletinReader reader = new BulletinReader(Categories.defaults());
        seed000 = reader.read(Files.readAllBytes(Path.of("src/test/resources/corpus/seed-000.pdf")));
        seed001 = reader.read(Files.readAllBytes(Path.of("src/test/resources/corpus/seed-001.pdf")));
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    @DisplayName("saves a bulletin with its sections, groups, notices and one digest per owner with notices in it")
    void savesBulletinAndQueuesDigests() throws Exception {
        StoreResult result = store.save(received("a".repeat(64), "inbox/seed-000.pdf"), seed000);

        assertThat(result.duplicate()).isFalse();
        assertThat(result).extracting(StoreResult::sections, StoreResult::notices, StoreResult::digests)
                .containsExactly(3, 15, 2);
        assertThat(store.findByHash("a".repeat(64))).contains(result.bulletinId());
        assertThat(strings("select s.category || '/' || g.label || ' ' || count(*) from notice n "
                + "join notice_group g on g.id = n.group_id join section s on s.id = g.section_id "
                + "where s.bulletin_id = " + result.bulletinId()
                + " group by s.category, g.label, s.position, g.position order by s.position, g.position"))
                .containsExactly("pharma/国家级 4", "ip/地方级 2", "ip/资讯 1", "tech/天津市 8");
        assertThat(strings("select recipient from outbox where bulletin_id = " + result.bulletinId() + " order by recipient"))
                .containsExactly("all@example.com", "pharma@example.com");
    }

    @Test
    @DisplayName("the same content saved twice at once is stored once; the other save reports the duplicate")
    void concurrentDuplicateIsReportedNotThrown() throws Exception {
        String sha = "b".repeat(64);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<StoreResult> save = () -> store.save(received(sha, "inbox/seed-001.pdf"), seed001);
            List<Future<StoreResult>> results = pool.invokeAll(List.of(save, save));
            List<StoreResult> done = new ArrayList<>();
            for (Future<StoreResult> result : results) {
                done.add(result.get());
            }
            assertThat(done).filteredOn(StoreResult::duplicate).hasSize(1);
            assertThat(done).extracting(StoreResult::bulletinId).containsOnly(done.get(0).bulletinId());
            assertThat(strings("select count(*) from bulletin where sha256 = '" + sha + "'")).containsExactly("1");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @DisplayName("a notice already seen in an earlier bulletin is marked as a repeat")
    void repeatsAreMarked() throws Exception {
        StoreResult first = store.save(received("c".repeat(64), "inbox/first.pdf"), seed001);
        StoreResult again = store.save(received("d".repeat(64), "inbox/reissued.pdf"), seed001);

        assertThat(again.repeats()).isEqualTo(again.notices()).isEqualTo(10);
        assertThat(strings("select count(*) from notice n join notice_group g on g.id = n.group_id "
                + "join section s on s.id = g.section_id where s.bulletin_id = " + again.bulletinId()
                + " and n.repeat_of is not null")).containsExactly("10");
        assertThat(first.bulletinId()).isNotEqualTo(again.bulletinId());
    }

    private static ReceivedBulletin received(String sha, String name) {
        return new ReceivedBulletin(sha, "folder", name, null, Instant.now(), "text");
    }

    private static List<String> strings(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
