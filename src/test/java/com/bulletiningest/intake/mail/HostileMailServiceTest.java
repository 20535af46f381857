package com.bulletiningest.intake.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;

import com.bulletiningest.app.Eventually;
import com.bulletiningest.app.RunningService;
import com.bulletiningest.fixtures.LogCapture;
import com.bulletiningest.fixtures.PoisonBulletin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.app.RunningService.CORPUS;
import static com.bulletiningest.app.RunningService.OWNERS;
import static com.bulletiningest.app.RunningService.PATIENCE;
import static com.bulletiningest.app.RunningService.settle;
import static com.bulletiningest.intake.mail.TestMails.message;
import static com.bulletiningest.intake.mail.TestMails.pdfAttachment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken mail on the running service ({@link RunningService}), put into the intake mailbox over IMAP as
 * raw MIME: each ends in a folder with its reason after a bounded number of tries and log lines, and a good mail
 * sent afterwards is still stored. Everyone may send (the default), so a stranger can send these.
 */
@DisplayName("mail intake, hostile mail")
class HostileMailServiceTest {

    @RegisterExtension
    final RunningService service = RunningService.withOwners(OWNERS).with("bulletin.keywords.enabled", "false");
    private LogCapture log;

    @BeforeEach
    void watch() {
        log = LogCapture.start();
    }

    @AfterEach
    void stopWatching() {
        log.close();
    }

    @Test
    @DisplayName("a Subject holding NUL (=?UTF-8?B?5ZGo5oqlAA==?=): the bulletin is stored and the mail Processed, its "
            + "subject recorded without the NUL; no error, no retry")
    void nulInSubject() throws Exception {
        service.appendToIntake(rawMail("Subject: =?UTF-8?B?5ZGo5oqlAA==?=", "seed-000.pdf"));

        awaitIntakeFolder("Processed", 1);
        settle();
        assertThat(service.strings("select subject || ' ' || status from mail_messages")).containsExactly("周报 PROCESSED");
        assertThat(service.strings("select original_name from bulletin")).containsExactly("seed-000.pdf");
        assertThat(log.linesWith("ERROR")).isEmpty();
        assertThat(log.stackTraceLines()).isEmpty();
        assertGoodMailStillStored();
    }

    @Test
    @DisplayName("a From header that cannot be parsed (<<alice@example.com>>>, @@@;;) is Rejected as sender unknown "
            + "with one WARN line and no stack trace, over several polls; nothing stored")
    void malformedFrom() throws Exception {
        service.appendToIntake(rawMail("From: <<alice@example.com>>>, @@@;;\nSubject: bulletin", "seed-000.pdf"));

        awaitIntakeFolder("Rejected", 1);
        settle();
        assertThat(service.count("select count(*) from bulletin")).isZero();
        assertThat(service.count("select count(*) from mail_messages")).isZero();
        assertThat(log.lines()).singleElement().asString()
                .startsWith("WARN").contains("-> Rejected: sender unknown: the From header cannot be parsed");
        assertGoodMailStillStored();
    }

    @Test
    @DisplayName("a multipart without boundary holding a PDF goes to Failed with the reason, not to Processed as "
            + "'no PDF'")
    void multipartWithoutBoundary() throws Exception {
        String pdf = Base64.getMimeEncoder().encodeToString(Files.readAllBytes(CORPUS.resolve("seed-000.pdf")));
        service.appendToIntake("""
                From: alice@example.com
                To: bulletins@localhost
                Subject: no boundary
                Message-ID: <no-boundary@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/mixed

                ==part
                Content-Type: application/pdf; name="seed-000.pdf"
                Content-Transfer-Encoding: base64

                %s
                ==part--
                """.formatted(pdf));

        awaitIntakeFolder("Failed", 1);
        assertThat(service.strings("select status || ': ' || reason from mail_messages")).containsExactly(
                "FAILED: the message's structure cannot be read, no PDF found; unreadable the message: "
                        + "Missing start boundary");
        assertThat(service.intakeCount("Processed")).isZero();
        assertThat(log.linesWith("-> Failed: the message's structure cannot be read")).hasSize(1);
        assertGoodMailStillStored();
    }

    @Test
    @DisplayName("a mail that keeps failing (PostgreSQL refuses its bulletin) is tried bulletin.max-attempts = 3 times "
            + "with one WARN line each, then moves to Failed with the reason in mail_messages and one ERROR line; "
            + "no stack trace, nothing more over the following polls")
    void failingMailIsTriedThreeTimes() throws Exception {
        service.execute(PoisonBulletin.REFUSE);
        service.mailIn(message("alice@example.com", "毒", pdfAttachment(
                Files.readAllBytes(CORPUS.resolve("seed-000.pdf")), PoisonBulletin.NAME)));

        awaitIntakeFolder("Failed", 1);
        settle();
        assertThat(service.strings("select status || ': ' || reason from mail_messages")).singleElement().asString()
                .startsWith("FAILED: gave up after 3 attempts: StoreException: ")
                .contains("bulletin poison.pdf refused by a check");
        assertThat(service.count("select count(*) from intake_attempt")).isZero();
        assertThat(log.linesWith("\"毒\"")).satisfiesExactly(
                first -> assertThat(first).startsWith("WARN").contains("attempt 1 of 3 failed"),
                second -> assertThat(second).startsWith("WARN").contains("attempt 2 of 3 failed"),
                last -> assertThat(last).startsWith("ERROR").contains("-> Failed: gave up after 3 attempts"));
        assertThat(log.stackTraceLines()).isEmpty();
        assertThat(log.lines()).hasSize(3);
        assertGoodMailStillStored();
    }

    /** A mail from alice with a corpus PDF attached; {@code headers} add to or replace From and Subject. */
    private static String rawMail(String headers, String corpusPdf) throws IOException {
        String pdf = Base64.getMimeEncoder().encodeToString(Files.readAllBytes(CORPUS.resolve(corpusPdf)));
        String from = headers.contains("From:") ? "" : "From: alice@example.com\n";
        return from + headers + """

                To: bulletins@localhost
                Message-ID: <%s@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                see attachment
                --b1
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="%s"
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """.formatted(System.nanoTime(), corpusPdf, pdf);
    }

    private void assertGoodMailStillStored() throws Exception {
        service.mailIn(message("alice@example.com", "好", pdfAttachment(
                Files.readAllBytes(CORPUS.resolve("seed-001.pdf")), "good.pdf")));
        Eventually.within(PATIENCE, "good.pdf stored",
                () -> service.strings("select original_name from bulletin").contains("good.pdf"));
    }

    private void awaitIntakeFolder(String folder, int messages) throws Exception {
        Eventually.within(PATIENCE, messages + " message(s) in " + folder,
                () -> service.intakeCount(folder) == messages);
    }
}
