package com.bulletiningest.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.bulletiningest.fixtures.BulletinPdfWriter;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.Variants;
import com.bulletiningest.store.Database;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service as it runs in production, on its embedded defaults: the real config/application.properties and
 * routes/*.yaml, embedded PostgreSQL and the embedded SMTP/IMAP server, a temporary inbox and data folder, tight
 * polling. Digests are read over IMAP as an owner would.
 */
@DisplayName("bulletin-ingest service, end to end")
class BulletinServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    /** Three owners: one category, two categories, and one that shares a category with another. */
    private static final String OWNERS_YAML = """
            owners:
              - address: pharma@example.com
                categories: [pharma]
              - address: ip-tech@example.com
                categories: [ip, tech]
              - address: tech@example.com
                categories: [tech]
            """;

    @TempDir
    Path home;

    private final Map<String, String> properties = new HashMap<>();
    private BulletinService service;

    @BeforeEach
    void configure() throws IOException {
        Path owners = home.resolve("owners.yaml");
        Files.writeString(owners, OWNERS_YAML);
        properties.put("bulletin.inbox", home.resolve("inbox").toString());
        properties.put("bulletin.data-dir", home.resolve("data").toString());
        properties.put("bulletin.owners-file", owners.toString());
        properties.put("bulletin.inbox.poll-delay", "200");
        properties.put("bulletin.inbox.check-interval", "200");
        properties.put("bulletin.inbox.min-age", "300");
        properties.put("bulletin.notify.period", "500");
        properties.put("bulletin.db.embedded-port", "0");
        properties.put("bulletin.smtp.port", String.valueOf(freePort()));
        properties.put("bulletin.imap.port", String.valueOf(freePort()));
        properties.put("camel.main.routes-reload-enabled", "false");
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    @DisplayName("both samples dropped into the inbox: 25 notices stored; each owner gets one digest per bulletin with exactly their notices")
    void samplesAreStoredAndDigestedPerOwner() throws Exception {
        start();
        drop("seed-000.pdf", "seed-000.pdf");
        drop("seed-001.pdf", "seed-001.pdf");

        awaitDone("seed-000.pdf");
        awaitDone("seed-001.pdf");
        assertThat(count("select count(*) from bulletin")).isEqualTo(2);
        assertThat(count("select count(*) from notice")).isEqualTo(25);
        assertThat(strings("select s.category || '/' || g.label || ' ' || count(*) from notice n "
                + "join notice_group g on g.id = n.group_id join section s on s.id = g.section_id "
                + "join bulletin b on b.id = s.bulletin_id where b.original_name = 'inbox/seed-000.pdf' "
                + "group by s.category, g.label, s.position, g.position order by s.position, g.position"))
                .containsExactly("pharma/国家级 4", "ip/地方级 2", "ip/资讯 1", "tech/天津市 8");

        awaitMail("pharma@example.com", 2);
        awaitMail("ip-tech@example.com", 2);
        awaitMail("tech@example.com", 2);
        assertDigestsCarryExactlyTheirNotices("pharma@example.com", "pharma");
        assertDigestsCarryExactlyTheirNotices("ip-tech@example.com", "ip", "tech");
        assertDigestsCarryExactlyTheirNotices("tech@example.com", "tech");
        assertThat(Files.list(home.resolve("data/sent")).filter(f -> f.toString().endsWith(".eml"))).hasSize(6);
    }

    @Test
    @DisplayName("the same PDF again under another name is a duplicate: no rows, no mail, moved to .done")
    void sameContentUnderAnotherNameIsADuplicate() throws Exception {
        start();
        drop("seed-000.pdf", "seed-000.pdf");
        awaitDone("seed-000.pdf");
        awaitMail("pharma@example.com", 1);

        drop("seed-000.pdf", "weekly copy.pdf");
        awaitDone("weekly copy.pdf");
        settle();
        assertThat(count("select count(*) from bulletin")).isEqualTo(1);
        assertThat(count("select count(*) from notice")).isEqualTo(15);
        assertThat(subjects("pharma@example.com")).hasSize(1);
        assertThat(subjects("ip-tech@example.com")).hasSize(1);
    }

    @Test
    @DisplayName("a damaged PDF and a text file named .pdf go to .failed with a reason; the next good file still goes through")
    void badFilesAreSetAsideWithAReason() throws Exception {
        start();
        byte[] pdf = Files.readAllBytes(CORPUS.resolve("seed-001.pdf"));
        Path inbox = home.resolve("inbox");
        Files.write(inbox.resolve("damaged.pdf"), Arrays.copyOf(pdf, pdf.length / 2));
        Files.writeString(inbox.resolve("notes.pdf"), "minutes of the weekly meeting", StandardCharsets.UTF_8);

        Path failed = inbox.resolve(".failed");
        Eventually.within(PATIENCE, "both bad files in .failed with reasons", () ->
                Files.exists(failed.resolve("damaged.pdf.reason.txt")) && Files.exists(failed.resolve("notes.pdf.reason.txt"))
                        && Files.exists(failed.resolve("damaged.pdf")) && Files.exists(failed.resolve("notes.pdf")));
        assertThat(Files.readString(failed.resolve("damaged.pdf.reason.txt"))).startsWith("damaged PDF").doesNotContain("\n");
        assertThat(Files.readString(failed.resolve("notes.pdf.reason.txt"))).startsWith("not a PDF").doesNotContain("\n");

        drop("seed-001.pdf", "seed-001.pdf");
        awaitDone("seed-001.pdf");
        assertThat(count("select count(*) from notice")).isEqualTo(10);
    }

    @Test
    @DisplayName("digests queued while the mail server is down are delivered exactly once when it is back")
    void digestsSurviveAMailServerOutage() throws Exception {
        start();
        EmbeddedMailServer mail = service.camelContext().getRegistry()
                .lookupByNameAndType("embeddedMailServer", EmbeddedMailServer.class);
        mail.stop();

        drop("seed-001.pdf", "seed-001.pdf");
        awaitDone("seed-001.pdf");
        Thread.sleep(1500); // a few notify periods fail against the closed port

        mail.start();
        awaitMail("pharma@example.com", 1);
        awaitMail("ip-tech@example.com", 1);
        awaitMail("tech@example.com", 1);
        settle();
        assertThat(subjects("pharma@example.com")).hasSize(1);
        assertThat(subjects("ip-tech@example.com")).hasSize(1);
        assertThat(subjects("tech@example.com")).hasSize(1);
    }

    @Test
    @DisplayName("restarted on the same data folder, the service keeps its bulletins and ingests nothing twice")
    void restartKeepsTheData() throws Exception {
        start();
        drop("seed-000.pdf", "seed-000.pdf");
        awaitDone("seed-000.pdf");
        awaitMail("tech@example.com", 1);
        service.stop();

        start();
        assertThat(count("select count(*) from bulletin")).isEqualTo(1);
        drop("seed-000.pdf", "seed-000 again.pdf");
        awaitDone("seed-000 again.pdf");
        settle();
        assertThat(count("select count(*) from bulletin")).isEqualTo(1);
        assertThat(count("select count(*) from notice")).isEqualTo(15);
        // the new embedded mail server starts empty: nothing was sent again after the restart
        assertThat(subjects("tech@example.com")).isEmpty();
    }

    @Test
    @DisplayName("an owner following the tag 天津 gets exactly the notices tagged 天津, from two categories, each once, "
            + "deadline notices first")
    void tagSubscriberGetsExactlyTheTaggedNotices() throws Exception {
        Files.writeString(home.resolve("owners.yaml"), OWNERS_YAML + "  - address: tianjin@example.com\n    tags: [天津]\n");
        start();
        drop("seed-000.pdf", "seed-000.pdf");
        awaitDone("seed-000.pdf");

        String tagged = "from notice n join notice_group g on g.id = n.group_id join section s on s.id = g.section_id "
                + "where exists (select 1 from notice_tag t where t.notice_id = n.id and t.tag = '天津')";
        assertThat(strings("select distinct s.category " + tagged)).hasSizeGreaterThanOrEqualTo(2);
        List<String> titles = strings("select n.title " + tagged);
        List<String> others = strings("select n.title from notice n where n.title not in (select n.title " + tagged + ")");
        awaitMail("tianjin@example.com", 1);
        String digest = squeeze(plainBodies("tianjin@example.com").get(0));
        assertThat(titles).allSatisfy(title -> assertThat(digest).containsOnlyOnce(squeeze(title)));
        assertThat(others).isNotEmpty().noneSatisfy(title -> assertThat(digest).contains(squeeze(title)));
        assertThat(subjects("tianjin@example.com")).singleElement().asString().contains(titles.size() + " 条新通知");
        assertThat(digest).startsWith(squeeze("本期政策周报有 " + titles.size() + " 条新通知，其中 "
                + count("select count(*) " + tagged + " and n.nearest_deadline is not null") + " 条有截止日期"));
    }

    @Test
    @DisplayName("tag rules and owners are re-read while running: the next bulletin carries a rule added to tags.yaml "
            + "and reaches an owner added to owners.yaml; after a broken edit the previous rules stay in force")
    void tagsAndOwnersReloadWhileRunning() throws Exception {
        Path tags = home.resolve("tags.yaml");
        Files.copy(Path.of("config/tags.yaml"), tags);
        properties.put("bulletin.tags-file", tags.toString());
        start();
        drop("seed-000.pdf", "seed-000.pdf");
        awaitDone("seed-000.pdf");
        assertThat(count("select count(*) from notice_tag where tag = '通知类'")).isZero();

        Files.writeString(tags, "  - tag: 通知类\n    any: [通知]\n    in: [title]\n", StandardOpenOption.APPEND);
        Files.writeString(home.resolve("owners.yaml"), "  - address: notices@example.com\n    tags: [通知类]\n",
                StandardOpenOption.APPEND);
        drop("seed-001.pdf", "seed-001.pdf");
        awaitDone("seed-001.pdf");
        assertNoticesWithNoticeInTitleAreTagged("inbox/seed-001.pdf");
        awaitMail("notices@example.com", 1);
        String digest = squeeze(plainBodies("notices@example.com").get(0));
        assertThat(strings(titlesOf("inbox/seed-001.pdf") + " and n.title like '%通知%'"))
                .allSatisfy(title -> assertThat(digest).contains(squeeze(title)));
        assertThat(strings(titlesOf("inbox/seed-001.pdf") + " and n.title not like '%通知%'"))
                .isNotEmpty().noneSatisfy(title -> assertThat(digest).contains(squeeze(title)));

        Files.writeString(tags, "rules:\n  - tag: [unclosed\n");
        Files.write(home.resolve("inbox/seed-000 rewrapped.pdf"), new BulletinPdfWriter()
                .write(Variants.rewrapped(CorpusBulletin.load("seed-000").text(), 72, 40)));
        awaitDone("seed-000 rewrapped.pdf");
        assertNoticesWithNoticeInTitleAreTagged("inbox/seed-000 rewrapped.pdf");
    }

    private void assertNoticesWithNoticeInTitleAreTagged(String originalName) throws Exception {
        List<String> expected = strings(titlesOf(originalName) + " and n.title like '%通知%'");
        assertThat(expected).isNotEmpty();
        assertThat(strings(titlesOf(originalName)
                + " and exists (select 1 from notice_tag t where t.notice_id = n.id and t.tag = '通知类')"))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String titlesOf(String originalName) {
        return "select n.title from notice n join notice_group g on g.id = n.group_id join section s on s.id = g.section_id "
                + "join bulletin b on b.id = s.bulletin_id where b.original_name = '" + originalName + "'";
    }

    private void start() {
        service = new BulletinService(properties);
        service.start();
    }

    /** Writes a corpus PDF into the inbox under a name, the way a copy does: a temp dot file, then a rename. */
    private void drop(String corpusFile, String name) throws IOException {
        Path inbox = home.resolve("inbox");
        Path partial = inbox.resolve("." + name + ".part");
        Files.copy(CORPUS.resolve(corpusFile), partial);
        Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitDone(String name) throws Exception {
        Eventually.within(PATIENCE, name + " in .done", () -> Files.exists(home.resolve("inbox/.done").resolve(name)));
    }

    private void awaitMail(String owner, int digests) throws Exception {
        Eventually.within(PATIENCE, digests + " digest(s) for " + owner, () -> subjects(owner).size() >= digests);
    }

    /** Long enough for a wrongly repeated ingest or send to show: several poll and notify periods. */
    private static void settle() throws InterruptedException {
        Thread.sleep(2000);
    }

    private void assertDigestsCarryExactlyTheirNotices(String owner, String... categories) throws Exception {
        List<String> own = strings("select n.title from notice n join notice_group g on g.id = n.group_id "
                + "join section s on s.id = g.section_id where s.category in ('" + String.join("','", categories) + "')");
        List<String> others = strings("select n.title from notice n join notice_group g on g.id = n.group_id "
                + "join section s on s.id = g.section_id where s.category not in ('" + String.join("','", categories) + "')");
        String digests = squeeze(String.join("\n", bodies(owner)));
        assertThat(own).isNotEmpty().allSatisfy(title -> assertThat(digests).contains(squeeze(title)));
        assertThat(others).isNotEmpty().noneSatisfy(title -> assertThat(digests).contains(squeeze(title)));
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private DataSource dataSource() {
        return service.camelContext().getRegistry().lookupByNameAndType("database", Database.class).dataSource();
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(strings(sql).get(0));
    }

    private List<String> strings(String sql) throws Exception {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private List<String> bodies(String owner) throws Exception {
        return readMailbox(owner, MailText::of);
    }

    private List<String> plainBodies(String owner) throws Exception {
        return readMailbox(owner, MailText::plain);
    }

    private List<String> subjects(String owner) throws Exception {
        return readMailbox(owner, Message::getSubject);
    }

    /** What {@code read} gives of each message in the owner's inbox, read over IMAP with the embedded password. */
    private List<String> readMailbox(String owner, MessageReader read) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", Integer.parseInt(properties.get("bulletin.imap.port")), owner, "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> values = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                values.add(read.apply(message));
            }
            inbox.close(false);
            return values;
        } finally {
            store.close();
        }
    }

    @FunctionalInterface
    private interface MessageReader {
        String apply(Message message) throws Exception;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
