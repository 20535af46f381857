package com.bulletiningest.notify;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.fixtures.Unenriched;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.write.BulletinStore;
import com.bulletiningest.store.write.ReceivedBulletin;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.fixtures.TestBulletins.bulletin;
import static com.bulletiningest.fixtures.TestBulletins.section;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Digests sent to a real SMTP server (aiosmtpd) that refuses one recipient for good (550), another for now (450)
 * and accepts the others, with the outbox on a real (embedded) PostgreSQL.
 */
@DisplayName("outbox sender, refused recipients")
class SmtpRefusalTest {

    private static final String REFUSED = "refused@example.com";
    private static final String REFUSED_REPLY = "550 5.1.1 <refused@example.com>: Recipient address rejected";
    private static final String BUSY = "busy@example.com";
    private static final String LEAD = "lead@example.com";
    private static final String BUSY_REPLY = "450 4.2.1 <busy@example.com>: Mailbox busy, try again later";

    @TempDir
    Path dataDir;

    private Database database;
    private Outbox outbox;
    private RefusingSmtpServer smtp;

    @BeforeEach
    void open() throws Exception {
        database = new Database("", "", "", dataDir, 0);
        Owners owners = new Owners(List.of(new Owner("pharma@example.com", Set.of("pharma")),
                new Owner(REFUSED, Set.of("pharma")), new Owner(BUSY, Set.of("pharma")),
                new Owner("lead@example.com", Set.of("pharma", "tech"))));
        outbox = new Outbox(database.dataSource(), () -> owners, new DigestComposer());
        LocalDate monday = LocalDate.of(2021, 3, 8);
        Bulletin week = bulletin(monday.plusDays(4), section("pharma", "医药信息篇", monday, "国家级", "关于药品注册收费的公告"));
        new BulletinStore(database.dataSource(), outbox).save(new ReceivedBulletin("a".repeat(64), "folder",
                "inbox/week.pdf", null, Instant.now(), "text"), week, Unenriched.notices(week));
        smtp = new RefusingSmtpServer(Map.of(REFUSED, REFUSED_REPLY, BUSY, BUSY_REPLY), dataDir.resolve("received"));
    }

    @AfterEach
    void close() throws Exception {
        smtp.close();
        database.close();
    }

    @Test
    @DisplayName("a 550 fails the digest after one attempt with the server's reply and it is never retried; "
            + "a 450 is retried with back-off; the others arrive once")
    void permanentRefusalFailsTheDigest() throws Exception {
        OutboxSender sender = sender(smtp);

        assertThat(sender.sendPending()).isEqualTo(2);

        assertThat(smtp.recipients()).containsExactlyInAnyOrder("pharma@example.com", "lead@example.com");
        assertThat(strings("select attempts || ' ' || (failed_at is not null) || ' ' || last_error from outbox "
                + "where recipient = '" + REFUSED + "'")).containsExactly("1 true " + REFUSED_REPLY);
        assertThat(strings("select attempts || ' ' || (failed_at is not null) || ' ' || (next_attempt_at > now()) "
                + "|| ' ' || last_error from outbox where recipient = '" + BUSY + "'"))
                .containsExactly("1 false true " + BUSY_REPLY);

        execute("update outbox set next_attempt_at = now()"); // as if the back-off had passed
        assertThat(sender.sendPending()).isZero();
        assertThat(strings("select recipient || ' ' || attempts from outbox where sent_at is null order by recipient"))
                .as("the busy one was tried again, the refused one was not")
                .containsExactly(BUSY + " 2", REFUSED + " 1");
        assertThat(smtp.recipients()).hasSize(2);
    }

    @Test
    @DisplayName("resend: a failed digest is queued again once the address is fixed, a failing one is tried at once "
            + "despite its back-off, a sent one goes out once more with the same Message-ID and content; each is "
            + "marked resent; an unknown id is refused")
    void resendInEveryState() throws Exception {
        sender(smtp).sendPending();
        long refused = idOf(REFUSED);
        long busy = idOf(BUSY);
        long sent = idOf(LEAD);
        smtp.close();
        smtp = new RefusingSmtpServer(Map.of(), dataDir.resolve("received-after-fix"));

        assertThat(outbox.resend(refused)).contains(Outbox.Resent.REQUEUED);
        assertThat(outbox.resend(busy)).as("its back-off has not passed").contains(Outbox.Resent.AT_ONCE);
        assertThat(outbox.resend(sent)).contains(Outbox.Resent.AGAIN);
        assertThat(outbox.resend(999_999)).isEmpty();
        assertThat(strings("select recipient || ' ' || attempts || ' ' || (resent_at is not null) from outbox "
                + "where id in (" + refused + ", " + busy + ", " + sent + ") order by recipient"))
                .containsExactly(BUSY + " 1 true", LEAD + " 0 true", REFUSED + " 0 true");
        assertThat(sender(smtp).sendPending()).isEqualTo(3);

        assertThat(smtp.recipients()).containsExactlyInAnyOrder(REFUSED, BUSY, LEAD);
        assertThat(strings("select count(*) from outbox where sent_at is not null and failed_at is null and id in ("
                + refused + ", " + busy + ", " + sent + ")")).containsExactly("3");
        MimeMessage first = received(dataDir.resolve("received"), LEAD);
        MimeMessage again = received(dataDir.resolve("received-after-fix"), LEAD);
        assertThat(again.getMessageID()).isEqualTo(first.getMessageID()).startsWith("<digest-");
        assertThat(again.getSubject()).isEqualTo(first.getSubject());
        assertThat(parts(again)).isEqualTo(parts(first)).first().asString().contains("关于药品注册收费的公告");
    }

    /** The text of each part of a multipart/alternative digest. */
    private static List<String> parts(MimeMessage message) throws Exception {
        MimeMultipart alternatives = (MimeMultipart) message.getContent();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < alternatives.getCount(); i++) {
            texts.add((String) alternatives.getBodyPart(i).getContent());
        }
        return texts;
    }

    private long idOf(String recipient) throws Exception {
        return Long.parseLong(strings("select id from outbox where recipient = '" + recipient + "'").get(0));
    }

    /** The one message the server wrote to {@code folder} for {@code recipient}. */
    private static MimeMessage received(Path folder, String recipient) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<MimeMessage> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(null, in);
                    if (recipient.equals(message.getHeader("X-Envelope-To", null))) {
                        found.add(message);
                    }
                }
            }
            assertThat(found).as("messages for " + recipient + " in " + folder).hasSize(1);
            return found.get(0);
        }
    }

    private OutboxSender sender(RefusingSmtpServer server) {
        return new OutboxSender(outbox, new SmtpSettings("127.0.0.1", server.port(), "", "", false,
                "bulletin-ingest@localhost"), dataDir.resolve("sent"));
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> strings(String sql) throws Exception {
        return Rows.firstColumn(database.dataSource(), sql);
    }
}
