package com.bulletiningest.app;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import com.bulletiningest.fixtures.PdfCopies;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.app.RunningService.CORPUS;
import static com.bulletiningest.app.RunningService.OWNERS;
import static com.bulletiningest.app.RunningService.PATIENCE;
import static com.bulletiningest.app.RunningService.settle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of one bulletin that differ only in trailing bytes (other SHA-256, so not duplicates) arriving together on
 * the running service: each is stored, but its notices are mailed once, one digest per owner.
 */
@DisplayName("bulletin-ingest service, copies of a bulletin arriving at once")
class CopiesAtOnceTest {

    private static final List<String> OWNER_ADDRESSES = List.of("pharma@example.com", "ip-tech@example.com",
            "tech@example.com");

    @RegisterExtension
    final RunningService service = RunningService.withOwners(OWNERS).startedByTest();
    private byte[] pdf;

    @BeforeEach
    void readPdf() throws IOException {
        pdf = Files.readAllBytes(CORPUS.resolve("seed-000.pdf"));
    }

    @Test
    @DisplayName("10 copies dropped into the inbox at once: 10 bulletins, the notices new in one, one digest per owner")
    void copiesDroppedAtOnce() throws Exception {
        service.start();
        for (int copy = 1; copy <= 10; copy++) {
            service.drop(PdfCopies.copy(pdf, copy), "copy-" + copy + ".pdf");
        }
        for (int copy = 1; copy <= 10; copy++) {
            service.awaitDone("copy-" + copy + ".pdf");
        }

        assertOneDigestPerOwner();
    }

    @Test
    @DisplayName("5 copies dropped into the inbox while 5 others are mailed to the intake mailbox: one digest per owner")
    void copiesDroppedAndMailedAtOnce() throws Exception {
        service.start();
        for (int copy = 1; copy <= 5; copy++) {
            service.mailIn(mailWith(PdfCopies.copy(pdf, 100 + copy), "mailed-" + copy + ".pdf"));
            service.drop(PdfCopies.copy(pdf, copy), "copy-" + copy + ".pdf");
        }
        for (int copy = 1; copy <= 5; copy++) {
            service.awaitDone("copy-" + copy + ".pdf");
        }
        Eventually.within(PATIENCE, "5 mails processed", () -> service.intakeFolder("Processed").size() == 5);

        assertOneDigestPerOwner();
        assertThat(service.strings("select source_kind || ' ' || count(*) from bulletin group by source_kind "
                + "order by source_kind")).containsExactly("folder 5", "mail 5");
    }

    private void assertOneDigestPerOwner() throws Exception {
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(10);
        assertThat(service.count("select count(*) from notice where repeat_of is null")).isEqualTo(15);
        for (String owner : OWNER_ADDRESSES) {
            service.awaitMail(owner, 1);
        }
        settle();
        for (String owner : OWNER_ADDRESSES) {
            assertThat(service.subjects(owner)).as(owner).hasSize(1);
        }
    }

    private static MimeMessage mailWith(byte[] pdf, String name) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("alice@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(RunningService.INTAKE));
        message.setSubject("周报 " + name, "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(name);
        message.setContent(new MimeMultipart(attachment));
        message.saveChanges();
        return message;
    }
}
