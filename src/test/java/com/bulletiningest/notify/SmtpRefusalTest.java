package com.bulletiningest.notify;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.fixtures.Unenriched;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.store.BulletinStore;
import com.bulletiningest.store.Database;
import com.bulletiningest.store.ReceivedBulletin;
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
    @DisplayName("a failed digest re-queued once the address is fixed is sent at the next run; only a failed one can be")
    void failedDigestCanBeRequeued() throws Exception {
        sender(smtp).sendPending();
        long refused = Long.parseLong(strings("select id from outbox where recipient = '" + REFUSED + "'").get(0));
        long sent = Long.parseLong(strings("select id from outbox where recipient = 'lead@example.com'").get(0));
        smtp.close();
        smtp = new RefusingSmtpServer(Map.of(BUSY, BUSY_REPLY), dataDir.resolve("received-after-fix"));

        assertThat(outbox.requeue(sent)).as("a sent digest").isFalse();
        assertThat(outbox.requeue(refused)).isTrue();
        assertThat(outbox.requeue(refused)).as("already queued").isFalse();
        assertThat(sender(smtp).sendPending()).isEqualTo(1);

        assertThat(smtp.recipients()).containsExactly(REFUSED);
        assertThat(strings("select (sent_at is not null) || ' ' || (failed_at is null) from outbox where id = " + refused))
                .containsExactly("true true");
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
