package com.bulletiningest.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.bulletiningest.embedded.EmbeddedMailServer;
import com.bulletiningest.fixtures.BulletinPdfWriter;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.LogCapture;
import com.bulletiningest.fixtures.Variants;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.app.RunningService.CORPUS;
import static com.bulletiningest.app.RunningService.OWNERS;
import static com.bulletiningest.app.RunningService.PATIENCE;
import static com.bulletiningest.app.RunningService.settle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service as it runs in production, on its embedded defaults ({@link RunningService}): bulletins dropped
 * into the inbox folder, rows in PostgreSQL, digests read over IMAP as an owner would.
 */
@DisplayName("bulletin-ingest service, end to end")
class BulletinServiceTest {

    @RegisterExtension
    final RunningService service = RunningService.withOwners(OWNERS).startedByTest();

    @Test
    @DisplayName("both samples dropped into the inbox: 25 notices stored; each owner gets one digest per bulletin with "
            + "exactly their notices; nothing logged at WARN or above in all of it")
    void samplesAreStoredAndDigestedPerOwner() throws Exception {
        service.properties.put("bulletin.mail.allowed-senders", "bulletins@example.com");
        LogCapture log = LogCapture.start();
        long started = System.nanoTime();
        service.start();
        service.drop("seed-000.pdf", "seed-000.pdf");
        service.drop("seed-001.pdf", "seed-001.pdf");

        service.awaitDone("seed-000.pdf");
        service.awaitDone("seed-001.pdf");
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(2);
        assertThat(service.count("select count(*) from notice")).isEqualTo(25);
        assertThat(service.strings("select s.category || '/' || g.label || ' ' || count(*) from notice n "
                + "join notice_group g on g.id = n.group_id join section s on s.id = g.section_id "
                + "join bulletin b on b.id = s.bulletin_id where b.original_name = 'inbox/seed-000.pdf' "
                + "group by s.category, g.label, s.position, g.position order by s.position, g.position"))
                .containsExactly("pharma/国家级 4", "ip/地方级 2", "ip/资讯 1", "tech/天津市 8");

        service.awaitMail("pharma@example.com", 2);
        service.awaitMail("ip-tech@example.com", 2);
        service.awaitMail("tech@example.com", 2);
        assertDigestsCarryExactlyTheirNotices("pharma@example.com", "pharma");
        assertDigestsCarryExactlyTheirNotices("ip-tech@example.com", "ip", "tech");
        assertDigestsCarryExactlyTheirNotices("tech@example.com", "tech");
        assertThat(Files.list(service.home().resolve("data/sent")).filter(f -> f.toString().endsWith(".eml")))
                .hasSize(6);
        // the first seconds of polls and timers too, when Camel's and Micrometer's start-up warnings would come
        Thread.sleep(Math.max(0, Duration.ofSeconds(10).minusNanos(System.nanoTime() - started).toMillis()));
        log.close();
        assertThat(log.atLeast(Level.WARN)).isEmpty();
    }

    @Test
    @DisplayName("the same PDF again under another name is a duplicate: no rows, no mail, moved to .done")
    void sameContentUnderAnotherNameIsADuplicate() throws Exception {
        service.start();
        service.drop("seed-000.pdf", "seed-000.pdf");
        service.awaitDone("seed-000.pdf");
        service.awaitMail("pharma@example.com", 1);

        service.drop("seed-000.pdf", "weekly copy.pdf");
        service.awaitDone("weekly copy.pdf");
        settle();
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(1);
        assertThat(service.count("select count(*) from notice")).isEqualTo(15);
        assertThat(service.subjects("pharma@example.com")).hasSize(1);
        assertThat(service.subjects("ip-tech@example.com")).hasSize(1);
    }

    @Test
    @DisplayName("a damaged PDF and a text file named .pdf go to .failed with a reason; the next good file still goes through")
    void badFilesAreSetAsideWithAReason() throws Exception {
        service.start();
        byte[] pdf = Files.readAllBytes(CORPUS.resolve("seed-001.pdf"));
        Path inbox = service.inbox();
        Files.write(inbox.resolve("damaged.pdf"), Arrays.copyOf(pdf, pdf.length / 2));
        Files.writeString(inbox.resolve("notes.pdf"), "minutes of the weekly meeting", StandardCharsets.UTF_8);

        Path failed = inbox.resolve(".failed");
        Eventually.within(PATIENCE, "both bad files in .failed with reasons", () ->
                Files.exists(failed.resolve("damaged.pdf.reason.txt")) && Files.exists(failed.resolve("notes.pdf.reason.txt"))
                        && Files.exists(failed.resolve("damaged.pdf")) && Files.exists(failed.resolve("notes.pdf")));
        assertThat(Files.readString(failed.resolve("damaged.pdf.reason.txt"))).startsWith("damaged PDF").doesNotContain("\n");
        assertThat(Files.readString(failed.resolve("notes.pdf.reason.txt"))).startsWith("not a PDF").doesNotContain("\n");

        service.drop("seed-001.pdf", "seed-001.pdf");
        service.awaitDone("seed-001.pdf");
        assertThat(service.count("select count(*) from notice")).isEqualTo(10);
    }

    @Test
    @DisplayName("digests queued while the mail server is down are delivered exactly once when it is back")
    void digestsSurviveAMailServerOutage() throws Exception {
        service.start();
        EmbeddedMailServer mail = service.bean("embeddedMail", EmbeddedMail.class).server();
        mail.stop();

        service.drop("seed-001.pdf", "seed-001.pdf");
        service.awaitDone("seed-001.pdf");
        Thread.sleep(1500); // a few notify periods fail against the closed port

        mail.start();
        service.awaitMail("pharma@example.com", 1);
        service.awaitMail("ip-tech@example.com", 1);
        service.awaitMail("tech@example.com", 1);
        settle();
        assertThat(service.subjects("pharma@example.com")).hasSize(1);
        assertThat(service.subjects("ip-tech@example.com")).hasSize(1);
        assertThat(service.subjects("tech@example.com")).hasSize(1);
    }

    @Test
    @DisplayName("restarted on the same data folder, the service keeps its bulletins and ingests nothing twice")
    void restartKeepsTheData() throws Exception {
        service.start();
        service.drop("seed-000.pdf", "seed-000.pdf");
        service.awaitDone("seed-000.pdf");
        service.awaitMail("tech@example.com", 1);
        service.stop();

        service.start();
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(1);
        service.drop("seed-000.pdf", "seed-000 again.pdf");
        service.awaitDone("seed-000 again.pdf");
        settle();
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(1);
        assertThat(service.count("select count(*) from notice")).isEqualTo(15);
        // the embedded mail server keeps its mailboxes: the digest from before the restart, nothing sent again
        assertThat(service.subjects("tech@example.com")).hasSize(1);
    }

    @Test
    @DisplayName("an owner following the tag 天津 gets exactly the notices tagged 天津, from two categories, each once, "
            + "deadline notices first")
    void tagSubscriberGetsExactlyTheTaggedNotices() throws Exception {
        Files.writeString(service.home().resolve("owners.yaml"),
                OWNERS + "  - address: tianjin@example.com\n    tags: [天津]\n");
        service.start();
        service.drop("seed-000.pdf", "seed-000.pdf");
        service.awaitDone("seed-000.pdf");

        String tagged = "from notice n join notice_group g on g.id = n.group_id join section s on s.id = g.section_id "
                + "where exists (select 1 from notice_tag t where t.notice_id = n.id and t.tag = '天津')";
        assertThat(service.strings("select distinct s.category " + tagged)).hasSizeGreaterThanOrEqualTo(2);
        List<String> titles = service.strings("select n.title " + tagged);
        List<String> others = service.strings("select n.title from notice n where n.title not in (select n.title " + tagged + ")");
        service.awaitMail("tianjin@example.com", 1);
        String digest = squeeze(service.plainBodies("tianjin@example.com").get(0));
        assertThat(titles).allSatisfy(title -> assertThat(digest).containsOnlyOnce(squeeze(title)));
        assertThat(others).isNotEmpty().noneSatisfy(title -> assertThat(digest).contains(squeeze(title)));
        assertThat(service.subjects("tianjin@example.com")).singleElement().asString().contains(titles.size() + " 条新通知");
        assertThat(digest).startsWith(squeeze("本期政策周报有 " + titles.size() + " 条新通知，其中 "
                + service.count("select count(*) " + tagged + " and n.nearest_deadline is not null") + " 条有截止日期"));
    }

    @Test
    @DisplayName("tag rules and owners are re-read while running: the next bulletin carries a rule added to tags.yaml "
            + "and reaches an owner added to owners.yaml; after a broken edit the previous rules stay in force")
    void tagsAndOwnersReloadWhileRunning() throws Exception {
        Path tags = service.home().resolve("tags.yaml");
        Files.copy(Path.of("config/tags.yaml"), tags);
        service.properties.put("bulletin.tags-file", tags.toString());
        service.start();
        service.drop("seed-000.pdf", "seed-000.pdf");
        service.awaitDone("seed-000.pdf");
        assertThat(service.count("select count(*) from notice_tag where tag = '通知类'")).isZero();

        Files.writeString(tags, "  - tag: 通知类\n    any: [通知]\n    in: [title]\n", StandardOpenOption.APPEND);
        Files.writeString(service.home().resolve("owners.yaml"),
                "  - address: notices@example.com\n    tags: [通知类]\n", StandardOpenOption.APPEND);
        service.drop("seed-001.pdf", "seed-001.pdf");
        service.awaitDone("seed-001.pdf");
        assertNoticesWithNoticeInTitleAreTagged("inbox/seed-001.pdf");
        service.awaitMail("notices@example.com", 1);
        String digest = squeeze(service.plainBodies("notices@example.com").get(0));
        assertThat(service.strings(titlesOf("inbox/seed-001.pdf") + " and n.title like '%通知%'"))
                .allSatisfy(title -> assertThat(digest).contains(squeeze(title)));
        assertThat(service.strings(titlesOf("inbox/seed-001.pdf") + " and n.title not like '%通知%'"))
                .isNotEmpty().noneSatisfy(title -> assertThat(digest).contains(squeeze(title)));

        Files.writeString(tags, "rules:\n  - tag: [unclosed\n");
        Files.write(service.home().resolve("inbox/seed-000 rewrapped.pdf"), new BulletinPdfWriter()
                .write(Variants.rewrapped(CorpusBulletin.load("seed-000").text(), 72, 40)));
        service.awaitDone("seed-000 rewrapped.pdf");
        assertNoticesWithNoticeInTitleAreTagged("inbox/seed-000 rewrapped.pdf");
    }

    private void assertNoticesWithNoticeInTitleAreTagged(String originalName) throws Exception {
        List<String> expected = service.strings(titlesOf(originalName) + " and n.title like '%通知%'");
        assertThat(expected).isNotEmpty();
        assertThat(service.strings(titlesOf(originalName)
                + " and exists (select 1 from notice_tag t where t.notice_id = n.id and t.tag = '通知类')"))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String titlesOf(String originalName) {
        return "select n.title from notice n join notice_group g on g.id = n.group_id join section s on s.id = g.section_id "
                + "join bulletin b on b.id = s.bulletin_id where b.original_name = '" + originalName + "'";
    }

    private void assertDigestsCarryExactlyTheirNotices(String owner, String... categories) throws Exception {
        List<String> own = service.strings("select n.title from notice n join notice_group g on g.id = n.group_id "
                + "join section s on s.id = g.section_id where s.category in ('" + String.join("','", categories) + "')");
        List<String> others = service.strings("select n.title from notice n join notice_group g on g.id = n.group_id "
                + "join section s on s.id = g.section_id where s.category not in ('" + String.join("','", categories) + "')");
        String digests = squeeze(String.join("\n", service.bodies(owner)));
        assertThat(own).isNotEmpty().allSatisfy(title -> assertThat(digests).contains(squeeze(title)));
        assertThat(others).isNotEmpty().noneSatisfy(title -> assertThat(digests).contains(squeeze(title)));
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
