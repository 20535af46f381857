package com.bulletiningest.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.fixtures.AtOnce;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.fixtures.PdfCopies;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.fixtures.Unenriched;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.store.db.ContentHash;
import com.bulletiningest.store.write.BulletinStore;
import com.bulletiningest.store.write.ReceivedBulletin;
import com.bulletiningest.store.write.StoreResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.fixtures.TestBulletins.bulletin;
import static com.bulletiningest.fixtures.TestBulletins.section;
import static org.assertj.core.api.Assertions.assertThat;

/** Digests queued by the outbox as the real store announces bulletins, on a real (embedded) PostgreSQL. */
@DisplayName("outbox")
class OutboxTest {

    private static final LocalDate MONDAY = LocalDate.of(2021, 3, 8);
    private static final Owners OWNERS = new Owners(List.of(new Owner("pharma@example.com", Set.of("pharma")),
            new Owner("all@example.com", Set.of("pharma", "ip", "tech")),
            new Owner("nobody@example.com", Set.of("astronomy"))));

    @TempDir
    static Path dataDir;

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();
    private static Outbox outbox;
    private static BulletinStore store;

    @BeforeAll
    static void open() throws Exception {
        outbox = new Outbox(DATABASE.dataSource(), () -> OWNERS, new DigestComposer());
        store = new BulletinStore(DATABASE.dataSource(), outbox);
    }

    @Test
    @DisplayName("a stored bulletin queues one digest per owner with notices in it, each with its fixed Message-ID")
    void queuesOneDigestPerOwner() throws Exception {
        Bulletin seed000 = CorpusBulletin.split("seed-000");

        StoreResult result = save(store, "a".repeat(64), seed000);

        assertThat(result.digests()).isEqualTo(2);
        assertThat(strings("select recipient || ' ' || message_id from outbox where bulletin_id = " + result.bulletinId()
                + " order by recipient"))
                .containsExactly("all@example.com " + Outbox.messageId(result.bulletinId(), "all@example.com"),
                        "pharma@example.com " + Outbox.messageId(result.bulletinId(), "pharma@example.com"));
    }

    @Test
    @DisplayName("a notice reprinted in a later bulletin is left out of its digests; a whole reprint queues none")
    void repeatsAreNotMailedAgain() throws Exception {
        String reprinted = "关于发布《仿制药参比制剂目录（第三十八批）》的通告";
        Bulletin week1 = bulletin(MONDAY.plusDays(4),
                section("pharma", "医药信息篇", MONDAY, "国家级", reprinted, "关于药品注册收费的公告"));
        save(store, "1".repeat(64), week1);
        // wrapped and punctuated differently in the reprint: still the same notice
        StoreResult week2 = save(store, "2".repeat(64), bulletin(MONDAY.plusDays(11),
                section("pharma", "医药信息篇", MONDAY.plusDays(7), "国家级",
                        "关于发布 《仿制药参比制剂目录(第三十八批)》 的通告", "关于开展医疗器械唯一标识试点的通知")));
        StoreResult reissued = save(store, "3".repeat(64), week1);

        assertThat(week2.digests()).isEqualTo(2);
        assertThat(strings("select body || html from outbox where bulletin_id = " + week2.bulletinId()))
                .hasSize(2)
                .allSatisfy(digest -> assertThat(digest).contains("关于开展医疗器械唯一标识试点的通知")
                        .doesNotContain("仿制药参比制剂目录"));
        assertThat(strings("select subject from outbox where bulletin_id = " + week2.bulletinId()))
                .containsOnly("【政策周报】医药信息篇 2021-03-15~2021-03-19：1 条新通知");
        assertThat(reissued.digests()).isZero();
        assertThat(strings("select count(*) from outbox where bulletin_id = " + reissued.bulletinId()))
                .containsExactly("0");
    }

    @Test
    @DisplayName("owners re-read between bulletins: an owner added to the file gets the next bulletin's digest; "
            + "a broken edit keeps the previous owners and names the line")
    void ownersReloadBetweenBulletins() throws Exception {
        Path file = dataDir.resolve("owners-reload.yaml");
        Files.writeString(file, "owners:\n  - address: first@example.com\n    categories: [pharma]\n");
        ReloadingConfig<Owners> owners = new ReloadingConfig<>(file, Owners::parse);
        BulletinStore reloading = store(owners);
        long before = save(reloading, "9".repeat(64), bulletin(MONDAY.plusDays(4),
                section("pharma", "医药信息篇", MONDAY, "国家级", "关于重载前的通知"))).bulletinId();

        Files.writeString(file, "owners:\n  - address: first@example.com\n    categories: [pharma]\n"
                + "  - address: added@example.com\n    categories: [pharma]\n");
        long after = save(reloading, "6".repeat(64), bulletin(MONDAY.plusDays(11),
                section("pharma", "医药信息篇", MONDAY.plusDays(7), "国家级", "关于重载后的通知"))).bulletinId();

        Files.writeString(file, "owners:\n  - address: first@example.com\n    categories: [pharma]\n"
                + "  - address: broken@example.com\n    colours: [red]\n");
        long broken = save(reloading, "5".repeat(64), bulletin(MONDAY.plusDays(18),
                section("pharma", "医药信息篇", MONDAY.plusDays(14), "国家级", "关于坏文件后的通知"))).bulletinId();

        assertThat(strings("select recipient from outbox where bulletin_id = " + before)).containsExactly("first@example.com");
        assertThat(strings("select recipient from outbox where bulletin_id = " + after + " order by recipient"))
                .containsExactly("added@example.com", "first@example.com");
        assertThat(strings("select recipient from outbox where bulletin_id = " + broken + " order by recipient"))
                .containsExactly("added@example.com", "first@example.com");
        assertThat(owners.lastError()).get().extracting(Throwable::getMessage).asString()
                .contains("line 5").contains("colours");
    }

    @Test
    @DisplayName("10 copies of a bulletin (other bytes, other SHA-256) stored at once: one digest per owner in all")
    void copiesStoredAtOnceQueueOneDigestPerOwner() throws Exception {
        byte[] pdf = CorpusBulletin.resource("seed-001.pdf");
        Bulletin seed001 = CorpusBulletin.split("seed-001");

        List<StoreResult> copies = AtOnce.run(10, copy -> () -> save(store,
                ContentHash.sha256(PdfCopies.copy(pdf, copy)), seed001));

        String ids = copies.stream().map(c -> String.valueOf(c.bulletinId())).collect(Collectors.joining(", "));
        assertThat(strings("select recipient || ' ' || count(*) from outbox where bulletin_id in (" + ids + ") "
                + "group by recipient order by recipient"))
                .containsExactly("all@example.com 1", "pharma@example.com 1");
        assertThat(copies).extracting(StoreResult::digests).containsOnly(0, 2).filteredOn(d -> d == 2).hasSize(1);
    }

    private static BulletinStore store(Supplier<Owners> owners) {
        return new BulletinStore(DATABASE.dataSource(), new Outbox(DATABASE.dataSource(), owners, new DigestComposer()));
    }

    private static StoreResult save(BulletinStore store, String sha, Bulletin bulletin) {
        return store.save(new ReceivedBulletin(sha, "folder", "inbox/" + sha.substring(0, 8) + ".pdf", null,
                Instant.now(), "text"), bulletin, Unenriched.notices(bulletin));
    }

    private static List<String> strings(String sql) throws Exception {
        return Rows.firstColumn(DATABASE.dataSource(), sql);
    }
}
