package com.bulletiningest.intake.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.store.db.DatabaseUnavailableException;
import com.bulletiningest.store.intake.IntakeAttempts;
import com.bulletiningest.store.intake.MailMessages;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    private final List<String> ingested = new ArrayList<>();
    private final MailIntake intake = new MailIntake(SenderPolicy.parse("alice@example.com"),
            new PdfAttachmentFinder(DataSize.parse("1MB")), new MailMessages(DATABASE.dataSource()),
            new IntakeAttempts(DATABASE.dataSource()),
            new MailIntake.Limits(DataSize.parse("2MB"), 3));

    @BeforeEach
    void emptyLog() throws Exception {
        execute("delete from mail_messages");
        execute("delete from intake_attempt");
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
    @DisplayName("while the database cannot be reached the intake throws, counts and records nothing, however often, "
            + "so the message is tried again until it goes through")
    void unreachableDatabaseIsNotCounted() throws Exception {
        MimeMessage mail = message("alice@example.com", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf"));
        PdfIngest databaseDown = (pdf, id) -> {
            // as a bean call in direct:ingest hands it back: wrapped
            throw new RuntimeCamelException(new DatabaseUnavailableException("cannot look up bulletin by hash",
                    new SQLException("Connection to localhost:5432 refused", "08001")));
        };

        for (int poll = 0; poll < 5; poll++) {
            assertThatThrownBy(() -> intake.handle(mail, databaseDown))
                    .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("refused");
        }
        assertThat(rows()).isEmpty();
        assertThat(count("select count(*) from intake_attempt")).isZero();
        assertThat(intake.handle(mail, this::ingest).status()).isEqualTo(MailOutcome.Status.PROCESSED);
        assertThat(ingested).hasSize(1);
    }

    @Test
    @DisplayName("any other failure is counted: the message is left for the next poll until its third failure, "
            + "then Failed with the error recorded and the count forgotten")
    void otherFailuresAreCountedThenFailed() throws Exception {
        MimeMessage mail = message("alice@example.com", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf"));
        PdfIngest broken = (pdf, id) -> {
            throw new IllegalStateException("store rejected the row\nDetail: line two");
        };

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> intake.handle(mail, broken))
                    .isInstanceOf(MailAttemptFailedException.class)
                    .hasMessageContaining("attempt " + attempt + " of 3 failed: "
                            + "IllegalStateException: store rejected the row Detail: line two");
        }
        assertThat(rows()).isEmpty();
        MailOutcome third = intake.handle(mail, broken);

        assertThat(third).isEqualTo(new MailOutcome(MailOutcome.Status.FAILED,
                "gave up after 3 attempts: IllegalStateException: store rejected the row Detail: line two"));
        assertThat(rows()).containsExactly("FAILED 0 " + third.note());
        assertThat(count("select count(*) from intake_attempt")).isZero();
    }

    @Test
    @DisplayName("a success after a failed attempt forgets the count")
    void successForgetsFailures() throws Exception {
        MimeMessage mail = message("alice@example.com", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf"));
        assertThatThrownBy(() -> intake.handle(mail, (pdf, id) -> {
            throw new IllegalStateException("once");
        })).isInstanceOf(MailAttemptFailedException.class);

        assertThat(intake.handle(mail, this::ingest).status()).isEqualTo(MailOutcome.Status.PROCESSED);
        assertThat(count("select count(*) from intake_attempt")).isZero();
    }

    @Test
    @DisplayName("a From header that cannot be parsed is Rejected as sender unknown, also when everyone may send")
    void unparsableFromIsRejected() throws Exception {
        MailIntake openIntake = new MailIntake(SenderPolicy.parse(""), new PdfAttachmentFinder(DataSize.parse("1MB")),
                new MailMessages(DATABASE.dataSource()), new IntakeAttempts(DATABASE.dataSource()), new MailIntake.Limits(1 << 20, 3));
        MimeMessage mail = TestMails.raw("""
                From: <<alice@example.com>>>, @@@;;
                Subject: bulletin
                Content-Type: application/pdf

                %PDF-1.4 bulletin
                """);

        MailOutcome outcome = openIntake.handle(mail, this::ingest);

        assertThat(outcome.status()).isEqualTo(MailOutcome.Status.REJECTED);
        assertThat(outcome.note()).startsWith("sender unknown: the From header cannot be parsed (");
        assertThat(ingested).isEmpty();
        assertThat(rows()).isEmpty();
    }

    @Test
    @DisplayName("a multipart without a usable boundary is Failed with the reason, not Processed as without PDF")
    void unreadableStructureIsFailed() throws Exception {
        MimeMessage mail = TestMails.raw("""
                From: alice@example.com
                Subject: bulletin
                MIME-Version: 1.0
                Content-Type: multipart/mixed

                ==XYZ
                Content-Type: application/pdf

                %PDF-1.4 bulletin
                ==XYZ--
                """);

        MailOutcome outcome = intake.handle(mail, this::ingest);

        assertThat(outcome).isEqualTo(new MailOutcome(MailOutcome.Status.FAILED,
                "the message's structure cannot be read, no PDF found; unreadable the message: Missing start boundary"));
        assertThat(rows()).containsExactly("FAILED 0 " + outcome.note());
    }

    @Test
    @DisplayName("a subject and Message-ID holding NUL are recorded without it")
    void nulInHeadersIsRecordedWithoutIt() throws Exception {
        MimeMessage mail = TestMails.raw("""
                From: alice@example.com
                Subject: =?UTF-8?B?5ZGo5oqlAA==?=
                Message-ID: <nul\0@example.com>
                Content-Type: application/pdf

                %PDF-1.4 bulletin
                """);

        assertThat(intake.handle(mail, this::ingest).status()).isEqualTo(MailOutcome.Status.PROCESSED);
        assertThat(strings("select subject || ' ' || message_id from mail_messages")).containsExactly("周报 <nul@example.com>");
    }

    private String ingest(FoundPdf pdf, String messageId) throws UnreadableBulletinException {
        if (!new String(pdf.content()).contains("bulletin")) {
            throw new UnreadableBulletinException(UnreadableBulletinException.Reason.NOT_A_BULLETIN, "not a bulletin");
        }
        ingested.add(pdf.originalName() + " " + messageId);
        return "STORED";
    }

    private static List<String> rows() throws Exception {
        return strings("select status || ' ' || pdf_count || ' ' || reason from mail_messages");
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(strings(sql).get(0));
    }

    private static List<String> strings(String sql) throws Exception {
        return Rows.firstColumn(DATABASE.dataSource(), sql);
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DATABASE.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
