package com.bulletiningest.intake.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.bulletiningest.app.Eventually;
import com.bulletiningest.app.RunningService;
import com.bulletiningest.fixtures.LogCapture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.app.RunningService.CORPUS;
import static com.bulletiningest.app.RunningService.OWNERS;
import static com.bulletiningest.app.RunningService.PATIENCE;
import static com.bulletiningest.app.RunningService.settle;
import static com.bulletiningest.intake.mail.TestMails.attachment;
import static com.bulletiningest.intake.mail.TestMails.forwarded;
import static com.bulletiningest.intake.mail.TestMails.message;
import static com.bulletiningest.intake.mail.TestMails.pdfAttachment;
import static com.bulletiningest.intake.mail.TestMails.rfc2231Disposition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulletins mailed to the intake mailbox of the running service ({@link RunningService}): real PDFs of the corpus
 * sent over SMTP, taken over IMAP by routes/inbox-mail.yaml, stored in PostgreSQL and digested to the owners.
 * The route's folder decisions on their own: {@link InboxMailRouteTest}.
 */
@DisplayName("mail intake, end to end")
class MailIntakeServiceTest {

    @RegisterExtension
    final RunningService service = RunningService.withOwners(OWNERS).startedByTest();
    private EmbeddedPostgres externalDatabase;

    @AfterEach
    void stop() throws IOException {
        service.stop(); // before the database it uses
        if (externalDatabase != null) {
            externalDatabase.close();
        }
    }

    @Test
    @DisplayName("two bulletins in one mail, one with an RFC 2231 Chinese name and one with a traversal name: both stored "
            + "as from mail with the decoded, harmless name and the Message-ID; the mail moves to Processed")
    void bulletinsFromMailAreStoredWithTheirNames() throws Exception {
        service.start();
        MimeMessage mail = message("alice@example.com", "本周简报",
                attachment(corpusPdf("seed-000.pdf"), "application/octet-stream", rfc2231Disposition("医药信息篇.pdf")),
                pdfAttachment(corpusPdf("seed-001.pdf"), "../../etc/x.pdf"));
        service.mailIn(mail);

        awaitIntakeFolder("Processed", 1);
        assertThat(service.strings("select source_kind || ' ' || original_name || ' ' || message_id from bulletin order by id"))
                .containsExactlyInAnyOrder("mail 医药信息篇.pdf " + mail.getMessageID(), "mail x.pdf " + mail.getMessageID());
        assertThat(service.count("select count(*) from notice")).isEqualTo(25);
        assertThat(service.intakeFolder("INBOX")).isEmpty();
        assertThat(service.home().resolve("etc")).doesNotExist();
        service.awaitMail("pharma@example.com", 2);
    }

    @Test
    @DisplayName("a mail from a sender not allowed moves to Rejected and leaves no rows; an allowed sender's mail is stored")
    void senderNotAllowed() throws Exception {
        service.properties.put("bulletin.mail.allowed-senders", "alice@example.com");
        service.start();
        service.mailIn(message("mallory@evil.example", "简报", pdfAttachment(corpusPdf("seed-001.pdf"), "seed-001.pdf")));
        service.mailIn(message("alice@example.com", "简报", pdfAttachment(corpusPdf("seed-000.pdf"), "seed-000.pdf")));

        awaitIntakeFolder("Rejected", 1);
        awaitIntakeFolder("Processed", 1);
        settle();
        assertThat(service.strings("select original_name from bulletin")).containsExactly("seed-000.pdf");
        assertThat(service.count("select count(*) from notice")).isEqualTo(15);
        assertThat(service.count("select count(*) from mail_messages where sender like '%mallory%'")).isZero();
        assertThat(service.strings("select distinct b.original_name from outbox o join bulletin b on b.id = o.bulletin_id"))
                .containsExactly("seed-000.pdf");
    }

    @Test
    @DisplayName("the bulletin dropped in the folder and then forwarded twice over by mail, the mail delivered twice: "
            + "one bulletin, one digest per owner")
    void sameBulletinByFolderAndByMailIsOneBulletin() throws Exception {
        service.start();
        service.drop("seed-000.pdf", "seed-000.pdf");
        service.awaitDone("seed-000.pdf");
        service.awaitMail("pharma@example.com", 1);

        MimeMessage original = message("office@ministry.example", "政策周报", pdfAttachment(corpusPdf("seed-000.pdf"), "周报.pdf"));
        MimeMessage forward = message("bob@example.org", "Fwd: 政策周报", forwarded(original));
        MimeMessage mail = message("alice@example.com", "Fwd: Fwd: 政策周报", forwarded(forward));
        service.mailIn(mail);
        awaitIntakeFolder("Processed", 1);
        service.mailIn(mail);
        awaitIntakeFolder("Processed", 2);
        settle();

        assertThat(service.strings("select source_kind || ' ' || original_name from bulletin"))
                .containsExactly("folder inbox/seed-000.pdf");
        assertThat(service.count("select count(*) from notice")).isEqualTo(15);
        assertThat(service.strings("select reason from mail_messages"))
                .singleElement().asString().contains("周报.pdf DUPLICATE");
        assertThat(service.subjects("pharma@example.com")).hasSize(1);
        assertThat(service.subjects("ip-tech@example.com")).hasSize(1);
    }

    @Test
    @DisplayName("PostgreSQL stopped: two mailed bulletins stay unread in the mailbox and a dropped one in the inbox "
            + "folder, the mail intake logging one WARN line per poll for both mails and no stack trace; once "
            + "PostgreSQL is back each bulletin is stored once and digested once")
    void databaseStoppedThenBack() throws Exception {
        Path databaseFiles = Files.createDirectories(service.home().resolve("external-postgres"));
        int port = RunningService.freePort();
        externalDatabase = startPostgres(databaseFiles, port);
        service.properties.put("bulletin.db.url", "jdbc:postgresql://localhost:" + port + "/postgres");
        service.properties.put("bulletin.db.user", "postgres");
        service.properties.put("bulletin.db.connection-timeout", "1000");
        service.start();

        externalDatabase.close();
        externalDatabase = null;
        List<String> mailLog;
        try (LogCapture log = LogCapture.start()) {
            service.mailIn(message("alice@example.com", "简报", pdfAttachment(corpusPdf("seed-000.pdf"), "seed-000.pdf")));
            service.mailIn(message("alice@example.com", "简报 2", pdfAttachment(corpusPdf("seed-001.pdf"), "seed-001.pdf")));
            service.drop("seed-001.pdf", "seed-001.pdf");
            Thread.sleep(6000); // several mailbox and folder polls, each failing on the database

            assertThat(log.stackTraceLines()).isEmpty();
            mailLog = log.lines().stream().filter(line -> line.matches("\\S+\\s+(inbox-mail|MailConsumer|MailIntake) .*"))
                    .toList();
        }
        // one line per poll, however many mails wait (the first poll may have come before the second mail)
        assertThat(mailLog).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("WARN").contains(" mail(s) left in INBOX, tried again at the next poll: "));
        assertThat(mailLog.get(mailLog.size() - 1)).contains("2 mail(s) left");
        assertThat(service.intakeUnread("简报")).isTrue();
        assertThat(service.intakeUnread("简报 2")).isTrue();
        assertThat(service.intakeFolder("Processed")).isEmpty();
        assertThat(service.inbox().resolve("seed-001.pdf")).exists();
        assertThat(service.inbox().resolve(".failed")).doesNotExist();

        externalDatabase = startPostgres(databaseFiles, port);
        awaitIntakeFolder("Processed", 2);
        service.awaitDone("seed-001.pdf");
        service.awaitMail("pharma@example.com", 2);
        settle();
        assertThat(service.strings("select original_name from bulletin"))
                .hasSize(2).contains("seed-000.pdf").containsAnyOf("seed-001.pdf", "inbox/seed-001.pdf");
        assertThat(service.count("select count(*) from notice")).isEqualTo(25);
        assertThat(service.subjects("pharma@example.com")).hasSize(2);
        assertThat(service.subjects("ip-tech@example.com")).hasSize(2);
        assertThat(service.count("select count(*) from intake_attempt")).isZero();
    }

    /** A PostgreSQL server of its own, as an external database would be, keeping its files across a restart. */
    private static EmbeddedPostgres startPostgres(Path files, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(files).setCleanDataDirectory(false).setPort(port).start();
    }

    private static byte[] corpusPdf(String name) throws IOException {
        return Files.readAllBytes(CORPUS.resolve(name));
    }

    private void awaitIntakeFolder(String folder, int messages) throws Exception {
        Eventually.within(PATIENCE, messages + " message(s) in " + folder, () -> service.intakeFolder(folder).size() == messages);
    }
}
