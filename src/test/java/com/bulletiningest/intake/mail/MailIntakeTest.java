package com.bulletiningest.intake.mail;

import com.bulletiningest.extract.UnreadableBulletinException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.bulletiningest.intake.mail.TestMails.fakePdf;
import static com.bulletiningest.intake.mail.TestMails.message;
import static com.bulletiningest.intake.mail.TestMails.pdfAttachment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decisions of the mail intake on a real PostgreSQL (the mail_messages migration). The ingest step is a
 * recorder standing in for {@code direct:ingest}: it takes PDFs whose text says "bulletin" and refuses the others
 * as the extractor would; MailIntakeRouteTest runs the real one.
 */
class MailIntakeTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final List<String> ingested = new ArrayList<>();
    private final MailIntake intake = new MailIntake(SenderPolicy.parse("alice@example.com"),
            new PdfAttachmentFinder(DataSize.parse("1MB")), new MailMessageLog(dataSource), DataSize.parse("2MB"));

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void emptyLog() throws Exception {
        execute("delete from mail_messages");
    }

    @Test
    @DisplayName("every PDF is ingested with the Message-ID; the message is Processed and recorded")
    void processed() throws Exception {
        MimeMessage mail = message("alice@example.com", "简报",
                pdfAttachment(fakePdf("bulletin 1"), "a.pdf"), pdfAttachment(fakePdf("bulletin 2"), "b.pdf"));

        MailOutcome outcome = intake.handle(mail, this::ingest);

        assertThat(outcome).isEqualTo(new MailOutcome(MailOutcome.Status.PROCESSED, "a.pdf STORED, b.pdf STORED"));
        assertThat(ingested).containsExactly("a.pdf " + mail.getMessageID(), "b.pdf " + mail.getMessageID());
        assertThat(rows()).containsExactly("PROCESSED 2 a.pdf STORED, b.pdf STORED");
    }

    @Test
    @DisplayName("a message seen before under the same Message-ID ingests nothing")
    void sameMessageIdTwice() throws Exception {
        MimeMessage mail = message("alice@example.com", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf"));
        intake.handle(mail, this::ingest);

        MailOutcome again = intake.handle(new MimeMessage(mail), this::ingest);

        assertThat(again.status()).isEqualTo(MailOutcome.Status.PROCESSED);
        assertThat(again.note()).startsWith("already processed on ");
        assertThat(ingested).hasSize(1);
        assertThat(rows()).hasSize(1);
    }

    @Test
    @DisplayName("a stranger's message is Rejected: nothing ingested, nothing recorded")
    void rejected() throws Exception {
        MailOutcome outcome = intake.handle(
                message("mallory@evil.example", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf")), this::ingest);

        assertThat(outcome).isEqualTo(new MailOutcome(MailOutcome.Status.REJECTED,
                "sender mallory@evil.example is not in bulletin.mail.allowed-senders"));
        assertThat(ingested).isEmpty();
        assertThat(rows()).isEmpty();
    }

    @Test
    @DisplayName("a message whose PDFs are all refused is Failed with the reasons recorded; one good PDF makes it Processed")
    void failedAndPartlyFailed() throws Exception {
        MailOutcome failed = intake.handle(message("alice@example.com", "简报",
                pdfAttachment(fakePdf("minutes"), "minutes.pdf")), this::ingest);
        MailOutcome partly = intake.handle(message("alice@example.com", "简报",
                pdfAttachment(fakePdf("minutes 2"), "minutes.pdf"), pdfAttachment(fakePdf("bulletin"), "b.pdf")),
                this::ingest);

        assertThat(failed).isEqualTo(new MailOutcome(MailOutcome.Status.FAILED,
                "no PDF could be read: minutes.pdf: not a bulletin"));
        assertThat(partly).isEqualTo(new MailOutcome(MailOutcome.Status.PROCESSED,
                "b.pdf STORED; refused minutes.pdf: not a bulletin"));
        assertThat(rows()).containsExactlyInAnyOrder("FAILED 1 no PDF could be read: minutes.pdf: not a bulletin",
                "PROCESSED 2 b.pdf STORED; refused minutes.pdf: not a bulletin");
    }

    @Test
    @DisplayName("a message over bulletin.mail.max-message-size is Failed with the reason, without reading its parts")
    void messageTooLarge() throws Exception {
        byte[] big = Arrays.copyOf(fakePdf("bulletin"), 3 << 20);
        MimeMessage mail = new MimeMessage(message("alice@example.com", "简报", pdfAttachment(big, "big.pdf")));

        MailOutcome outcome = intake.handle(mail, this::ingest);

        assertThat(outcome.status()).isEqualTo(MailOutcome.Status.FAILED);
        assertThat(outcome.note()).matches("the message \\(4\\.\\d MB\\) is larger than bulletin.mail.max-message-size \\(2 MB\\)");
        assertThat(ingested).isEmpty();
        assertThat(rows()).containsExactly("FAILED 0 " + outcome.note());
    }

    @Test
    @DisplayName("a message without PDF is Processed with a note naming what was skipped")
    void noPdf() throws Exception {
        MailOutcome outcome = intake.handle(message("alice@example.com", "会议纪要",
                TestMails.attachment("hello".getBytes(), "text/plain", "attachment; filename=\"notes.txt\"")),
                this::ingest);

        assertThat(outcome).isEqualTo(new MailOutcome(MailOutcome.Status.PROCESSED,
                "no PDF in the message; skipped notes.txt: not a PDF"));
    }

    @Test
    @DisplayName("when the database fails the intake throws and records nothing, so the message is tried again")
    void databaseFailureThrows() throws Exception {
        MimeMessage mail = message("alice@example.com", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf"));

        assertThatThrownBy(() -> intake.handle(mail, (pdf, id) -> {
            throw new IllegalStateException("database is down");
        })).hasMessage("database is down");
        assertThat(rows()).isEmpty();
        assertThat(intake.handle(mail, this::ingest).status()).isEqualTo(MailOutcome.Status.PROCESSED);
        assertThat(ingested).hasSize(1);
    }

    private String ingest(FoundPdf pdf, String messageId) throws UnreadableBulletinException {
        if (!new String(pdf.content()).contains("bulletin")) {
            throw new UnreadableBulletinException(UnreadableBulletinException.Reason.NOT_A_BULLETIN, "not a bulletin");
        }
        ingested.add(pdf.originalName() + " " + messageId);
        return "STORED";
    }

    private static List<String> rows() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select status || ' ' || pdf_count || ' ' || reason from mail_messages")) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
