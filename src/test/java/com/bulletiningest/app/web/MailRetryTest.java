package com.bulletiningest.app.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

import com.bulletiningest.app.EmbeddedMail;
import com.bulletiningest.app.Eventually;
import com.bulletiningest.app.RunningService;
import com.bulletiningest.fixtures.PoisonBulletin;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry of a failed mail through the REST API, on the running service with the embedded PostgreSQL and IMAP server. */
@DisplayName("REST API: retry of a failed mail")
class MailRetryTest {

    private static final String PASSWORD = "mail-retry-admin";
    /** With characters a URL path must encode. */
    private static final String MESSAGE_ID = "<retry-1/2+3@example.com>";

    @RegisterExtension
    final RunningService service = RunningService.withOwners(RunningService.OWNERS)
            .with("bulletin.admin-password", PASSWORD).with("bulletin.keywords.enabled", "false");

    @Test
    @DisplayName("a mail that failed bulletin.max-attempts times is listed; once the cause is fixed, Retry (admin) puts it "
            + "back into INBOX and the intake stores its bulletin; a Message-ID not in Failed is 404")
    void failedMailIsRetried() throws Exception {
        service.execute(PoisonBulletin.REFUSE);
        service.mailIn(mail(MESSAGE_ID, PoisonBulletin.NAME));
        Eventually.within(RunningService.PATIENCE, "the mail in Failed", () -> service.intakeCount("Failed") == 1);
        Eventually.within(RunningService.PATIENCE, "the mail listed as failed", () ->
                get("/api/failures").contains("gave up after 3 attempts"));
        assertThat(new ObjectMapper().readTree(get("/api/failures")).get("mails").findValuesAsText("messageId"))
                .containsExactly(MESSAGE_ID);

        assertThat(retry(MESSAGE_ID, null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = retry("<nobody@example.com>", PASSWORD);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no mail with Message-ID <nobody@example.com> in the Failed folder");
        assertThat(service.intakeCount("Failed")).isEqualTo(1);

        service.execute(PoisonBulletin.ALLOW); // the admin fixed the cause
        HttpResponse<String> retried = retry(MESSAGE_ID, PASSWORD);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(service.intakeCount("Failed")).isZero();
        Eventually.within(RunningService.PATIENCE, "the mail processed", () -> service.intakeCount("Processed") == 1);
        assertThat(service.strings("select source_kind || ' ' || original_name || ' ' || message_id from bulletin"))
                .containsExactly("mail poison.pdf " + MESSAGE_ID);
        assertThat(service.count("select count(*) from notice")).isEqualTo(15);
        assertThat(service.strings("select status from mail_messages")).containsExactly("PROCESSED");
        assertThat(service.count("select count(*) from intake_attempt")).isZero();
        assertThat(service.intakeCount("INBOX")).isZero();
        assertThat(new ObjectMapper().readTree(get("/api/failures")).get("mails")).isEmpty();
        assertThat(retry(MESSAGE_ID, PASSWORD).statusCode()).as("no longer in Failed").isEqualTo(404);
    }

    @Test
    @DisplayName("with the mail server down, Retry answers 503 saying so, and nothing is lost")
    void mailServerDown() throws Exception {
        service.bean("embeddedMail", EmbeddedMail.class).server().stop();

        HttpResponse<String> retried = retry(MESSAGE_ID, PASSWORD);

        assertThat(retried.statusCode()).isEqualTo(503);
        assertThat(new ObjectMapper().readTree(retried.body()).get("error").asText())
                .startsWith("the mail server cannot be reached now (").endsWith("); try again later");
    }

    /** A mail from alice with seed-000 attached under {@code name}. */
    static MimeMessage mail(String messageId, String name) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("alice@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(RunningService.INTAKE));
        message.setSubject("本周政策周报", "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(
                Files.readAllBytes(RunningService.CORPUS.resolve("seed-000.pdf")), "application/pdf")));
        pdf.setFileName(name);
        message.setContent(new MimeMultipart(pdf));
        message.saveChanges();
        return message;
    }

    private HttpResponse<String> retry(String messageId, String password) throws Exception {
        return WebApiTest.post(service, "/api/failures/mails/"
                + URLEncoder.encode(messageId, StandardCharsets.UTF_8).replace("+", "%20") + "/retry", password);
    }

    private String get(String path) throws Exception {
        return WebApiTest.get(service, path).body();
    }
}
