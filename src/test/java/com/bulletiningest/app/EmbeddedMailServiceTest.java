package com.bulletiningest.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.app.RunningService.CORPUS;
import static com.bulletiningest.app.RunningService.INTAKE;
import static com.bulletiningest.app.RunningService.OWNERS;
import static com.bulletiningest.app.RunningService.PATIENCE;
import static com.bulletiningest.app.RunningService.freePort;
import static com.bulletiningest.app.RunningService.settle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded mail server inside the running service ({@link RunningService}): its mailboxes outlive a restart, and it
 * runs only the protocol no external server is configured for.
 */
@DisplayName("embedded mail server in the running service")
class EmbeddedMailServiceTest {

    @RegisterExtension
    final RunningService service = RunningService.withOwners(OWNERS).startedByTest();
    private GreenMail external;

    @AfterEach
    void stop() {
        service.stop(); // before the external mail server it may be connected to
        if (external != null) {
            external.stop();
        }
    }

    @Test
    @DisplayName("a bulletin mailed in while the service does not poll waits in the intake mailbox across a restart and "
            + "is stored after it; owners' digests are still in their mailboxes after the next restart, none sent twice")
    void mailOutlivesRestarts() throws Exception {
        service.start();
        service.camelContext().getRouteController().stopRoute("inbox-mail");
        service.mailIn(pdfMail("seed-001.pdf"));
        assertThat(service.intakeFolder("INBOX")).containsExactly("本周简报 seed-001.pdf");
        service.stop();

        service.start();
        Eventually.within(PATIENCE, "the mailed bulletin stored", () -> service.count("select count(*) from bulletin") == 1);
        service.awaitMail("tech@example.com", 1);
        assertThat(service.intakeFolder("Processed")).containsExactly("本周简报 seed-001.pdf");
        settle(); // the move to Processed is saved within a second
        service.stop();

        service.start();
        settle();
        assertThat(service.subjects("tech@example.com")).hasSize(1);
        assertThat(service.subjects("ip-tech@example.com")).hasSize(1);
        assertThat(service.intakeFolder("INBOX")).isEmpty();
        assertThat(service.intakeFolder("Processed")).containsExactly("本周简报 seed-001.pdf");
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(1);
    }

    @Test
    @DisplayName("with an external SMTP server configured, only the embedded IMAP starts (the SMTP port stays the external "
            + "server's) and digests go to the external server")
    void embeddedImapWithExternalSmtp() throws Exception {
        int smtpPort = freePort();
        external = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        external.start();
        service.properties.put("bulletin.smtp.host", "127.0.0.1");
        service.properties.put("bulletin.smtp.port", String.valueOf(smtpPort));
        service.start();

        appendToIntake(pdfMail("seed-000.pdf")); // nothing delivers into it but a mail program
        Eventually.within(PATIENCE, "digests at the external SMTP server", () -> external.getReceivedMessages().length >= 3);
        settle();
        assertThat(external.getReceivedMessages()).hasSize(3)
                .allSatisfy(digest -> assertThat(digest.getSubject()).startsWith("【政策周报】"));
        assertThat(service.intakeFolder("Processed")).containsExactly("本周简报 seed-000.pdf");
    }

    @Test
    @DisplayName("with an external IMAP server configured, only the embedded SMTP starts: the owners' digests land in "
            + "its mailboxes, kept on disk, and it opens no intake mailbox")
    void embeddedSmtpWithExternalImap() throws Exception {
        int imapPort = freePort();
        external = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        external.start();
        external.setUser(INTAKE, INTAKE, "Intake-Pw-1").deliver(pdfMail("seed-001.pdf"));
        service.properties.put("bulletin.imap.host", "127.0.0.1");
        service.properties.put("bulletin.imap.port", String.valueOf(imapPort));
        service.properties.put("bulletin.imap.password", "Intake-Pw-1");
        service.start();

        Path techInbox = service.home().resolve("data/mail/tech@example.com/INBOX/cur");
        Eventually.within(PATIENCE, "the digest to tech@example.com on disk", () -> files(techInbox).size() == 1);
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(1);
        assertThat(service.home().resolve("data/mail/" + INTAKE)).doesNotExist();
        assertThat(Files.readString(files(techInbox).get(0))).contains("To: tech@example.com");
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private MimeMessage pdfMail(String corpusFile) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom("alice@example.com");
        mail.setRecipients(Message.RecipientType.TO, INTAKE);
        mail.setSubject("本周简报 " + corpusFile, "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setContent(Files.readAllBytes(CORPUS.resolve(corpusFile)), "application/pdf");
        pdf.setFileName(corpusFile);
        pdf.setHeader("Content-Transfer-Encoding", "base64");
        mail.setContent(new MimeMultipart(pdf));
        mail.saveChanges();
        return mail;
    }

    private void appendToIntake(MimeMessage mail) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", Integer.parseInt(service.properties.get("bulletin.imap.port")), INTAKE,
                service.bean("embeddedMail", EmbeddedMail.class).server().password());
        try {
            store.getFolder("INBOX").appendMessages(new Message[] {mail});
        } finally {
            store.close();
        }
    }
}
