package com.bulletiningest.store.write;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.enrich.Enricher;
import com.bulletiningest.extract.ScannedPage;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.fixtures.Enrichers;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.fixtures.Unenriched;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.store.read.NoticeQueries;
import com.bulletiningest.store.read.StoredNotice;
import com.bulletiningest.store.read.StoredNotices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.fixtures.TestBulletins.bulletin;
import static com.bulletiningest.fixtures.TestBulletins.section;
import static org.assertj.core.api.Assertions.assertThat;

/** The store on a real (embedded) PostgreSQL, with the corpus bulletins as split by the real reader. */
@DisplayName("bulletin store")
class BulletinStoreTest {

    private static final LocalDate MONDAY = LocalDate.of(2021, 3, 8);


    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();
    private static AnnouncedBulletins announced;
    private static BulletinStore store;
    private static NoticeQueries queries;
    private static StoredNotices stored;
    private static Bulletin seed000;
    private static Bulletin seed001;
    private static Enricher enricher;

    @BeforeAll
    static void open() throws Exception {
        announced = new AnnouncedBulletins();
        store = new BulletinStore(DATABASE.dataSource(), announced);
        queries = new NoticeQueries(DATABASE.dataSource());
        stored = new StoredNotices(DATABASE.dataSource());
        seed000 = CorpusBulletin.split("seed-000");
        seed001 = CorpusBulletin.split("seed-001");
        enricher = Enrichers.create(Path.of("config/tags.yaml"), false, 0);
    }

    @Test
    @DisplayName("saves a bulletin with its sections, groups and notices, and announces its new notices with their ids")
    void savesBulletinAndAnnouncesIt() {
        StoreResult result = save("a".repeat(64), "inbox/seed-000.pdf", seed000);

        assertThat(result.duplicate()).isFalse();
        assertThat(result).extracting(StoreResult::sections, StoreResult::notices, StoreResult::repeats)
                .containsExactly(3, 15, 0);
        assertThat(store.findByHash("a".repeat(64))).contains(result.bulletinId());
        assertThat(stored.of(result.bulletinId())).extracting(n -> n.category() + "/" + n.group() + " " + n.no())
                .containsExactly("pharma/国家级 1", "pharma/国家级 2", "pharma/国家级 3", "pharma/国家级 4",
                        "ip/地方级 1", "ip/地方级 2", "ip/资讯 1",
                        "tech/天津市 1", "tech/天津市 2", "tech/天津市 3", "tech/天津市 4", "tech/天津市 5",
                        "tech/天津市 6", "tech/天津市 7", "tech/天津市 8");
        assertThat(stored.of(result.bulletinId()).get(0).links())
                .containsExactly("http://www.cde.org.cn/news.do?method=viewInfoCommon&id=22e22f0726b4910c");
        StoredBulletin told = announced.of(result.bulletinId());
        assertThat(told.issued()).isEqualTo(seed000.issued());
        assertThat(told.newNotices()).extracting(EnrichedNotice::notice).containsExactlyElementsOf(seed000.notices());
        assertThat(told.newNoticeIds()).as("the ids they were stored under, in print order")
                .containsExactlyElementsOf(stored.of(result.bulletinId()).stream().map(n -> n.id()).toList());
    }

    @Test
    @DisplayName("the same content saved again is a duplicate: no new rows, nothing announced")
    void sameHashAgainIsADuplicate() throws Exception {
        StoreResult first = save("e".repeat(64), "inbox/one.pdf", seed001);
        long bulletins = stored.bulletinCount();
        long notices = stored.noticeCount();
        int announcements = announced.all().size();

        StoreResult again = save("e".repeat(64), "inbox/copy of one.pdf", seed001);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.bulletinId()).isEqualTo(first.bulletinId());
        assertThat(stored.bulletinCount()).isEqualTo(bulletins);
        assertThat(stored.noticeCount()).isEqualTo(notices);
        assertThat(announced.all()).hasSize(announcements);
    }

    @Test
    @DisplayName("the same content saved twice at once is stored once; the other save reports the duplicate")
    void concurrentDuplicateIsReportedNotThrown() throws Exception {
        String sha = "b".repeat(64);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<StoreResult> save = () -> save(sha, "inbox/seed-001.pdf", seed001);
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
    @DisplayName("a bulletin reprinted under another hash: all notices stored as repeats, none announced as new")
    void wholeReprintHasNoNewNotice() {
        StoreResult first = save("c".repeat(64), "inbox/first.pdf", seed001);
        StoreResult again = save("d".repeat(64), "inbox/reissued.pdf", seed001);

        assertThat(again.notices()).isEqualTo(10);
        assertThat(again.repeats()).isEqualTo(10);
        assertThat(again.newNotices()).isZero();
        assertThat(stored.of(again.bulletinId())).allSatisfy(n -> assertThat(n.isRepeat()).isTrue());
        assertThat(announced.of(again.bulletinId()).newNotices()).isEmpty();
        assertThat(first.bulletinId()).isNotEqualTo(again.bulletinId());
    }

    @Test
    @DisplayName("a notice reprinted in a later bulletin points at its first occurrence and is not announced as new")
    void repeatPointsAtItsFirstOccurrence() {
        String reprinted = "关于发布《仿制药参比制剂目录（第三十八批）》的通告";
        StoreResult week1 = save("1".repeat(64), "inbox/week1.pdf", bulletin(MONDAY.plusDays(4),
                section("pharma", "医药信息篇", MONDAY, "国家级", reprinted, "关于药品注册收费的公告")));
        // wrapped and punctuated differently in the reprint: still the same notice
        StoreResult week2 = save("2".repeat(64), "inbox/week2.pdf", bulletin(MONDAY.plusDays(11),
                section("pharma", "医药信息篇", MONDAY.plusDays(7), "国家级",
                        "关于发布 《仿制药参比制剂目录(第三十八批)》 的通告", "关于开展医疗器械唯一标识试点的通知")));

        assertThat(week2).extracting(StoreResult::notices, StoreResult::repeats).containsExactly(2, 1);
        List<StoredNotice> notices = stored.of(week2.bulletinId());
        assertThat(notices.get(0).repeatOf()).isEqualTo(stored.of(week1.bulletinId()).get(0).id());
        assertThat(notices.get(1).repeatOf()).isNull();
        assertThat(announced.of(week2.bulletinId()).newNotices()).extracting(n -> n.notice().title())
                .containsExactly("关于开展医疗器械唯一标识试点的通知");
    }

    @Test
    @DisplayName("a notice printed twice in one bulletin is new in both places; a later reprint points at the first")
    void noticePrintedTwiceInOneBulletinIsNewTwice() {
        String twice = "关于开展知识产权质押融资入园惠企行动的通知";
        StoreResult week1 = save("3".repeat(64), "inbox/twice.pdf", bulletin(MONDAY.plusDays(4),
                section("ip", "知识产权信息篇", MONDAY, "国家级", twice),
                section("tech", "科技项目篇", MONDAY, "资讯", twice)));
        StoreResult week2 = save("4".repeat(64), "inbox/again.pdf", bulletin(MONDAY.plusDays(11),
                section("tech", "科技项目篇", MONDAY.plusDays(7), "资讯", twice)));

        assertThat(week1.repeats()).isZero();
        assertThat(announced.of(week1.bulletinId()).newNotices()).hasSize(2);
        assertThat(stored.of(week2.bulletinId())).singleElement().extracting(StoredNotice::repeatOf)
                .isEqualTo(stored.of(week1.bulletinId()).get(0).id());
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

        StoredNotice ip1 = stored.of(bulletinId).stream()
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

    /** Saves a bulletin that skipped enrich. */
    @Test
    @DisplayName("notices on scanned pages are stored as read by OCR, with the engine and their pages' mean confidence")
    void noticesOnScannedPagesRecordTheirProvenance() {
        // seed-001's first section runs over pages 1-4: its notices on pages 2 and 3 were scanned
        List<ScannedPage> scanned = List.of(new ScannedPage(2, 0.98f, "no text layer"), new ScannedPage(3, 0.96f, "no text layer"));
        StoreResult result = store.save(received("e".repeat(64), "inbox/scan.pdf"), seed001, Unenriched.notices(seed001), scanned);

        List<StoredNotice> notices = stored.of(result.bulletinId());
        for (StoredNotice n : notices) {
            boolean onScan = n.page() <= 3 && n.lastPage() >= 2;
            assertThat(n.ocrConfidence() != null).as(n.title() + " on pages " + n.page() + "-" + n.lastPage()).isEqualTo(onScan);
        }
        assertThat(notices).filteredOn(n -> n.page() == 3).isNotEmpty()
                .allSatisfy(n -> assertThat(n.ocrConfidence()).isEqualTo(0.96f));
        StoredBulletin told = announced.of(result.bulletinId());
        assertThat(told.ocrConfidence()).containsOnlyKeys(notices.stream().filter(n -> n.ocrConfidence() != null).map(StoredNotice::id).toList());
    }

    private static StoreResult save(String sha, String name, Bulletin bulletin) {
        return store.save(received(sha, name), bulletin, Unenriched.notices(bulletin));
    }

    private static ReceivedBulletin received(String sha, String name) {
        return new ReceivedBulletin(sha, "folder", name, null, Instant.now(), "text");
    }

    private static List<String> strings(String sql) throws Exception {
        return Rows.firstColumn(DATABASE.dataSource(), sql);
    }
}
