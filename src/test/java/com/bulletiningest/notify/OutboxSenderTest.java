package com.bulletiningest.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import com.bulletiningest.store.Database;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox on a real (embedded) PostgreSQL, sending to a real SMTP server (GreenMail). */
@DisplayName("outbox sender")
class OutboxSenderTest {

    @TempDir
    Path dataDir;

    private Database database;
    private GreenMail smtp;
    private OutboxSender sender;

    @BeforeEach
    void open() throws Exception {
        database = new Database("", "", "", dataDir, 0);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sender = new OutboxSender(database.dataSource(),
                new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "", "", false, "bulletin-ingest@localhost"),
                dataDir.resolve("sent"));
        execute("insert into bulletin (sha256, source_kind, original_name, received_at, pages, text) "
                + "values ('x', 'folder', 'inbox/x.pdf', now(), 1, '')");
        execute("insert into outbox (bulletin_id, recipient, subject, body, message_id) values "
                + "(1, 'pharma@example.com', '政策周报 2021-03-12：4 条通知', '医药信息篇', '<bulletin-1.pharma@bulletin-ingest>')");
    }

    @AfterEach
    void close() throws Exception {
        smtp.stop();
        database.close();
    }

    @Test
    @DisplayName("sends a queued digest once, in UTF-8, with its Message-ID, and keeps an .eml copy")
    void sendsOnce() throws Exception {
        assertThat(sender.sendPending()).isEqualTo(1);
        assertThat(sender.sendPending()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("政策周报 2021-03-12：4 条通知");
        assertThat(received[0].getMessageID()).isEqualTo("<bulletin-1.pharma@bulletin-ingest>");
        assertThat(received[0].getContent().toString()).contains("医药信息篇");
        assertThat(Files.list(dataDir.resolve("sent")).toList()).extracting(p -> p.getFileName().toString())
                .containsExactly("digest-1.eml");
    }

    @Test
    @DisplayName("a digest the SMTP server cannot take stays queued with back-off and goes out once it is back")
    void retriesAfterAnOutage() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        assertThat(sender.sendPending()).isZero();
        assertThat(sender.sendPending()).as("backing off").isZero();

        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        execute("update outbox set next_attempt_at = now()"); // skip the wait
        assertThat(sender.sendPending()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(List.of(smtp.getReceivedMessages()[0].getAllRecipients())).extracting(Object::toString)
                .containsExactly("pharma@example.com");
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
