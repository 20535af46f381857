package com.bulletiningest.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.fixtures.Unenriched;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.write.BulletinStore;
import com.bulletiningest.store.write.ReceivedBulletin;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Digests queued by the real store on a real (embedded) PostgreSQL, sent to a real mail server (GreenMail). */
@DisplayName("outbox sender")
class OutboxSenderTest {

    private static final LocalDate MONDAY = LocalDate.of(2021, 3, 8);
    private static final String PASSWORD = "secret";

    @TempDir
    Path dataDir;

    private Database database;
    private GreenMail mail;
    private Outbox outbox;
    private OutboxSender sender;
    private long bulletinId;

    @BeforeEach
    void open() throws Exception {
        database = new Database("", "", "", dataDir, 0);
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser("pharma@localhost", "pharma@localhost", PASSWORD);
        mail.setUser("lead@localhost", "lead@localhost", PASSWORD);
        Owners owners = new Owners(List.of(new Owner("pharma@localhost", "医药组", Set.of("pharma")),
                new Owner("lead@localhost", Set.of("pharma", "tech"))));
        outbox = new Outbox(database.dataSource(), () -> owners, new DigestComposer());
        sender = sender();
        Bulletin week = new Bulletin(MONDAY.plusDays(4), 2, List.of(
                section("pharma", "医药信息篇", "国家级", "国家药监局关于发布《化学药品注册分类》的通告"),
                section("tech", "科技项目篇", "天津市", "关于组织申报 2021 年度科技计划项目的通知")));
        bulletinId = new BulletinStore(database.dataSource(), outbox).save(
                new ReceivedBulletin("a".repeat(64), "folder", "inbox/week.pdf", null, Instant.now(), "text"),
                week, Unenriched.notices(week)).bulletinId();
    }

    @AfterEach
    void close() throws Exception {
        mail.stop();
        database.close();
    }

    @Test
    @DisplayName("each digest arrives once, in UTF-8 as text and HTML alternatives, with its deterministic Message-ID, and an .eml copy is kept")
    void sendsEachDigestOnce() throws Exception {
        assertThat(sender.sendPending()).isEqualTo(2);
        assertThat(sender.sendPending()).isZero();

        List<Message> inbox = readOverImap("pharma@localhost");
        assertThat(inbox).hasSize(1);
        Message digest = inbox.get(0);
        assertThat(digest.getSubject()).isEqualTo("【政策周报】医药信息篇 2021-03-08~2021-03-12：1 条新通知");
        assertThat(digest.getHeader("Message-ID")).containsExactly(messageId("pharma@localhost"));
        assertThat(digest.getHeader("Message-ID")[0]).matches("<digest-" + bulletinId + "-[0-9a-f]{16}@bulletin-ingest>");
        assertThat(digest.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) digest.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(0).getContent().toString())
                .contains("医药组：本期政策周报有 1 条新通知。", "【国家级】", "1. 国家药监局关于发布《化学药品注册分类》的通告");
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(parts.getBodyPart(1).getContent().toString())
                .contains("<a href=\"https://example.org/1\">国家药监局关于发布《化学药品注册分类》的通告</a>")
                .doesNotContain("科技计划项目");

        assertThat(readOverImap("lead@localhost")).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("【政策周报】医药信息篇、科技项目篇 2021-03-08~2021-03-12：2 条新通知"));
        assertThat(strings("select count(*) from outbox where sent_at is not null and attempts = 0")).containsExactly("2");
        assertThat(Files.list(dataDir.resolve("sent")).toList()).hasSize(2)
                .allSatisfy(eml -> assertThat(Files.readString(eml)).contains("Message-ID: <digest-" + bulletinId + "-"));
    }

    @Test
    @DisplayName("SMTP down: digests stay queued with attempts, error and back-off; once it is back they arrive exactly once")
    void survivesAnOutage() throws Exception {
        ServerSetup[] setup = {mail.getSmtp().getServerSetup(), mail.getImap().getServerSetup()};
        mail.stop();

        assertThat(sender.sendPending()).isZero();
        assertThat(strings("select attempts || ' ' || (last_error is not null) || ' ' "
                + "|| (next_attempt_at between now() + interval '4 seconds' and now() + interval '6 seconds') "
                + "from outbox where sent_at is null"))
                .containsExactly("1 true true", "1 true true");
        assertThat(sender.sendPending()).as("backing off").isZero();
        assertThat(strings("select attempts from outbox")).containsOnly("1");

        execute("update outbox set next_attempt_at = now()"); // the back-off has passed, the server is still down
        assertThat(sender.sendPending()).isZero();
        assertThat(strings("select attempts || ' ' || (next_attempt_at > now() + interval '9 seconds') from outbox"))
                .containsOnly("2 true");

        mail = new GreenMail(setup);
        mail.start();
        mail.setUser("pharma@localhost", "pharma@localhost", PASSWORD);
        mail.setUser("lead@localhost", "lead@localhost", PASSWORD);
        execute("update outbox set next_attempt_at = now()");
        assertThat(sender.sendPending()).isEqualTo(2);
        assertThat(sender.sendPending()).isZero();
        assertThat(readOverImap("pharma@localhost")).hasSize(1);
        assertThat(readOverImap("lead@localhost")).hasSize(1);
        assertThat(mail.getReceivedMessages()).hasSize(2);
    }

    @Test
    @DisplayName("two senders running at once send every digest exactly once")
    void concurrentSendersNeverDouble() throws Exception {
        OutboxSender other = sender();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(sender::sendPending, other::sendPending);
            int sent = 0;
            for (Future<Integer> result : pool.invokeAll(both)) {
                sent += result.get();
            }
            assertThat(sent).isEqualTo(2);
            assertThat(mail.getReceivedMessages()).hasSize(2);
        } finally {
            pool.shutdown();
        }
    }

    private OutboxSender sender() {
        return new OutboxSender(outbox, new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), "", "",
                false, "bulletin-ingest@localhost"), dataDir.resolve("sent"));
    }

    private String messageId(String recipient) throws Exception {
        return strings("select message_id from outbox where recipient = '" + recipient + "'").get(0);
    }

    /** The mailbox as a mail client sees it: fetched over IMAP, decoded by Jakarta Mail. */
    private List<Message> readOverImap(String user) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(mail.getImap().getPort()));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(user, PASSWORD);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        List<Message> messages = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
            messages.add(new MimeMessage((MimeMessage) message)); // a copy, readable after the folder is closed
        }
        inbox.close(false);
        store.close();
        return messages;
    }

    private static Section section(String category, String heading, String label, String title) {
        Notice notice = new Notice(1, title, null, null, null, null, 1, 1, List.of("https://example.org/1"), List.of(), "正文");
        return new Section(category, heading, MONDAY, MONDAY.plusDays(4), null, List.of(new Group(label, List.of(notice))));
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> strings(String sql) throws Exception {
        return Rows.firstColumn(database.dataSource(), sql);
    }
}
