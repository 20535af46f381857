package com.bulletiningest.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.enrich.Enricher;
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

import static com.bulletiningest.store.TestBulletins.bulletin;
import static com.bulletiningest.store.TestBulletins.section;
import static org.assertj.core.api.Assertions.assertThat;

/** The store on a real (embedded) PostgreSQL, with the corpus bulletins as split by the real reader. */
@DisplayName("bulletin store")
class BulletinStoreTest {

    private static final LocalDate MONDAY = LocalDate.of(2021, 3, 8);

    @TempDir
    static Path dataDir;

    private static Database database;
    private static BulletinStore store;
    private static NoticeQueries queries;
    private static Bulletin seed000;
    private static Bulletin seed001;
    private static Enricher enricher;

    @BeforeAll
    static void open() throws Exception {
        database = new Database("", "", "", dataDir, 0);
        Owners owners = new Owners(List.of(new Owner("pharma@example.com", Set.of("pharma")),
                new Owner("all@example.com", Set.of("pharma", "ip", "tech")),
                new Owner("nobody@example.com", Set.of("astronomy"))));
        store = new BulletinStore(database.dataSource(), owners, new DigestComposer());
        queries = new NoticeQueries(database.dataSource());
        BulletinReader reader = new BulletinReader(Categories.defaults());
        seed000 = reader.read(Files.readAllBytes(Path.of("src/test/resources/corpus/seed-000.pdf")));
        seed001 = reader.read(Files.readAllBytes(Path.of("src/test/resources/corpus/seed-001.pdf")));
        enricher = Enricher.create(Path.of("config/tags.yaml"), false, 0);
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
        assertThat(queries.noticesOf(result.bulletinId())).extracting(n -> n.category() + "/" + n.group() + " " + n.no())
                .containsExactly("pharma/国家级 1", "pharma/国家级 2", "pharma/国家级 3", "pharma/国家级 4",
                        "ip/地方级 1", "ip/地方级 2", "ip/资讯 1",
                        "tech/天津市 1", "tech/天津市 2", "tech/天津市 3", "tech/天津市 4", "tech/天津市 5",
                        "tech/天津市 6", "tech/天津市 7", "tech/天津市 8");
        assertThat(queries.noticesOf(result.bulletinId()).get(0).links())
                .containsExactly("http://www.cde.org.cn/news.do?method=viewInfoCommon&id=22e22f0726b4910c");
        assertThat(strings("select recipient || ' ' || message_id from outbox where bulletin_id = " + result.bulletinId()
                + " order by recipient"))
                .containsExactly("all@example.com " + BulletinStore.messageId(result.bulletinId(), "all@example.com"),
                        "pharma@example.com " + BulletinStore.messageId(result.bulletinId(), "pharma@example.com"));
    }

    @Test
    @DisplayName("the same content saved again is a duplicate: no new rows, no new digests")
    void sameHashAgainIsADuplicate() throws Exception {
        StoreResult first = store.save(received("e".repeat(64), "inbox/one.pdf"), seed001);
        long bulletins = queries.bulletinCount();
        long notices = queries.noticeCount();
        long digests = Long.parseLong(strings("select count(*) from outbox").get(0));

        StoreResult again = store.save(received("e".repeat(64), "inbox/copy of one.pdf"), seed001);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.bulletinId()).isEqualTo(first.bulletinId());
        assertThat(queries.bulletinCount()).isEqualTo(bulletins);
        assertThat(queries.noticeCount()).isEqualTo(notices);
        assertThat(strings("select count(*) from outbox")).containsExactly(String.valueOf(digests));
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
    @DisplayName("a bulletin reprinted under another hash: all notices stored as repeats, no digest queued")
    void wholeReprintQueuesNoDigest() throws Exception {
        StoreResult first = store.save(received("c".repeat(64), "inbox/first.pdf"), seed001);
        StoreResult again = store.save(received("d".repeat(64), "inbox/reissued.pdf"), seed001);

        assertThat(again.notices()).isEqualTo(10);
        assertThat(again.repeats()).isEqualTo(10);
        assertThat(again.newNotices()).isZero();
        assertThat(again.digests()).isZero();
        assertThat(queries.noticesOf(again.bulletinId())).allSatisfy(n -> assertThat(n.isRepeat()).isTrue());
        assertThat(strings("select count(*) from outbox where bulletin_id = " + again.bulletinId())).containsExactly("0");
        assertThat(first.bulletinId()).isNotEqualTo(again.bulletinId());
    }

    @Test
    @DisplayName("a notice reprinted in a later bulletin points at its first occurrence and is left out of the digest")
    void repeatIsStoredButNotMailedAgain() throws Exception {
        String reprinted = "关于发布《仿制药参比制剂目录（第三十八批）》的通告";
        StoreResult week1 = store.save(received("1".repeat(64), "inbox/week1.pdf"), bulletin(MONDAY.plusDays(4),
                section("pharma", "医药信息篇", MONDAY, "国家级", reprinted, "关于药品注册收费的公告")));
        // wrapped and punctuated differently in the reprint: still the same notice
        StoreResult week2 = store.save(received("2".repeat(64), "inbox/week2.pdf"), bulletin(MONDAY.plusDays(11),
                section("pharma", "医药信息篇", MONDAY.plusDays(7), "国家级",
                        "关于发布 《仿制药参比制剂目录(第三十八批)》 的通告", "关于开展医疗器械唯一标识试点的通知")));

        assertThat(week2).extracting(StoreResult::notices, StoreResult::repeats, StoreResult::digests)
                .containsExactly(2, 1, 2);
        List<StoredNotice> stored = queries.noticesOf(week2.bulletinId());
        assertThat(stored.get(0).repeatOf()).isEqualTo(queries.noticesOf(week1.bulletinId()).get(0).id());
        assertThat(stored.get(1).repeatOf()).isNull();
        assertThat(strings("select body || html from outbox where bulletin_id = " + week2.bulletinId()))
                .hasSize(2)
                .allSatisfy(digest -> assertThat(digest).contains("关于开展医疗器械唯一标识试点的通知")
                        .doesNotContain("仿制药参比制剂目录"));
        assertThat(strings("select subject from outbox where bulletin_id = " + week2.bulletinId()))
                .containsOnly("【政策周报】医药信息篇 2021-03-15~2021-03-19：1 条新通知");
    }

    @Test
    @DisplayName("notices tagged X with a deadline after D: exactly the enriched notices carrying X with such a deadline")
    void noticesTaggedWithDeadlineAfter() {
        LocalDate after = LocalDate.of(2021, 3, 20);
        List<EnrichedNotice> enriched = enricher.enrich(seed000);
        long bulletinId = store.save(received("7".repeat(64), "inbox/enriched-000.pdf"), seed000, enriched)
                .bulletinId();

        List<StoredNotice> tagged = queries.noticesTagged("公示", after).stream()
                .filter(n -> n.bulletinId() == bulletinId).toList();

        assertThat(tagged).extracting(n -> n.category() + "/" + n.group() + " " + n.no())
                .contains("pharma/国家级 4")
                .containsExactlyElementsOf(enriched.stream()
                        .filter(e -> e.enrichment().tags().contains("公示"))
                        .filter(e -> e.enrichment().fields().deadlines().stream().anyMatch(d -> d.date().isAfter(after)))
                        .map(e -> e.section().category() + "/" + e.group().label() + " " + e.notice().no())
                        .toList());
        assertThat(queries.noticesTagged("公示", LocalDate.of(2021, 3, 25)))
                .as("a deadline on the day asked for is not after it")
                .noneMatch(n -> n.bulletinId() == bulletinId && n.category().equals("pharma") && n.no() == 4);
        StoredNotice pharma4 = tagged.stream().filter(n -> n.category().equals("pharma") && n.no() == 4).findFirst()
                .orElseThrow();
        assertThat(pharma4.nearestDeadline()).isEqualTo(LocalDate.of(2021, 3, 25));
        assertThat(pharma4.tags()).contains("公示");
    }

    @Test
    @DisplayName("extracted fields round-trip: columns, jsonb, tags and deadlines as enrich found them")
    void fieldsRoundTrip() throws Exception {
        List<EnrichedNotice> enriched = enricher.enrich(seed001);
        long bulletinId = store.save(received("8".repeat(64), "inbox/enriched-001.pdf"), seed001, enriched)
                .bulletinId();

        StoredNotice ip1 = queries.noticesOf(bulletinId).stream()
                .filter(n -> n.category().equals("ip") && n.group().equals("地方级") && n.no() == 1)
                .findFirst().orElseThrow();
        assertThat(ip1.documentNumber()).isEqualTo("京知局〔2021〕35 号");
        assertThat(strings("select issuer_found || ' ' || issuer_date || ' ' || (fields ->> 'document_number') "
                + "from notice where id = " + ip1.id()))
                .containsExactly("北京市知识产权局 2021-02-03 京知局〔2021〕35 号");
        assertThat(strings("select count(*) from notice_tag t join notice n on n.id = t.notice_id "
                + "join notice_group g on g.id = n.group_id join section s on s.id = g.section_id "
                + "where t.kind = 'rule' and s.bulletin_id = " + bulletinId))
                .containsExactly(String.valueOf(enriched.stream().mapToInt(e -> e.enrichment().tags().size()).sum()));
        assertThat(strings("select count(*) from notice_deadline d join notice n on n.id = d.notice_id "
                + "join notice_group g on g.id = n.group_id join section s on s.id = g.section_id "
                + "where s.bulletin_id = " + bulletinId))
                .containsExactly(String.valueOf(enriched.stream()
                        .mapToInt(e -> e.enrichment().fields().deadlines().size()).sum()));
    }

    @Test
    @DisplayName("owners re-read between bulletins: an owner added to the file gets the next bulletin's digest; "
            + "a broken edit keeps the previous owners and names the line")
    void ownersReloadBetweenBulletins() throws Exception {
        Path file = dataDir.resolve("owners-reload.yaml");
        Files.writeString(file, "owners:\n  - address: first@example.com\n    categories: [pharma]\n");
        ReloadingConfig<Owners> owners = new ReloadingConfig<>(file, Owners::parse);
        BulletinStore reloading = new BulletinStore(database.dataSource(), owners, new DigestComposer());
        long before = reloading.save(received("9".repeat(64), "inbox/before.pdf"), bulletin(MONDAY.plusDays(4),
                section("pharma", "医药信息篇", MONDAY, "国家级", "关于重载前的通知"))).bulletinId();

        Files.writeString(file, "owners:\n  - address: first@example.com\n    categories: [pharma]\n"
                + "  - address: added@example.com\n    categories: [pharma]\n");
        long after = reloading.save(received("6".repeat(64), "inbox/after.pdf"), bulletin(MONDAY.plusDays(11),
                section("pharma", "医药信息篇", MONDAY.plusDays(7), "国家级", "关于重载后的通知"))).bulletinId();

        Files.writeString(file, "owners:\n  - address: first@example.com\n    categories: [pharma]\n"
                + "  - address: broken@example.com\n    colours: [red]\n");
        long broken = reloading.save(received("5".repeat(64), "inbox/broken.pdf"), bulletin(MONDAY.plusDays(18),
                section("pharma", "医药信息篇", MONDAY.plusDays(14), "国家级", "关于坏文件后的通知"))).bulletinId();

        assertThat(strings("select recipient from outbox where bulletin_id = " + before)).containsExactly("first@example.com");
        assertThat(strings("select recipient from outbox where bulletin_id = " + after + " order by recipient"))
                .containsExactly("added@example.com", "first@example.com");
        assertThat(strings("select recipient from outbox where bulletin_id = " + broken + " order by recipient"))
                .containsExactly("added@example.com", "first@example.com");
        assertThat(owners.lastError()).get().extracting(Throwable::getMessage).asString()
                .contains("line 5").contains("colours");
    }

    private static ReceivedBulletin received(String sha, String name) {
        return new ReceivedBulletin(sha, "folder", name, null, Instant.now(), "text");
    }

    private static List<String> strings(String sql) throws Exception {
        return Rows.firstColumn(database.dataSource(), sql);
    }
}
