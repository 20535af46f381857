package com.bulletiningest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.app.RunningService.CORPUS;
import static com.bulletiningest.app.RunningService.OWNERS;
import static com.bulletiningest.app.RunningService.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service in its own JVM ({@link ServiceProcess}: the shipped log4j2.properties, config/ and routes/ in the working
 * directory) with every password configured: its console output, start to stop, holds none of them.
 */
@DisplayName("no secret in the log")
class NoSecretInLogIT {

    private static final String DB_PASSWORD = "Db-Secret-7a1";
    private static final String DB_URL_PASSWORD = "Url-Secret-9c3";
    private static final String SMTP_PASSWORD = "Smtp-Secret-4b2";
    private static final String IMAP_PASSWORD = "Imap-Secret-6d5";
    private static final String MAIL_PASSWORD = "Mail-Secret-8e4";
    private static final String[] SECRETS = {DB_PASSWORD, DB_URL_PASSWORD, SMTP_PASSWORD, IMAP_PASSWORD, MAIL_PASSWORD};

    @TempDir
    Path home;

    private ServiceProcess service;
    private EmbeddedPostgres database;
    private GreenMail smtp;

    @BeforeEach
    void configure() throws Exception {
        service = new ServiceProcess(home, OWNERS);
        service.properties.put("bulletin.keywords.enabled", "false");
        service.properties.put("bulletin.embedded-mail.password", MAIL_PASSWORD);
        service.properties.put("bulletin.imap.password", IMAP_PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @DisplayName("external PostgreSQL (password set and in the URL), SMTP with login, embedded IMAP with its password: "
            + "a bulletin is stored and its digests sent, and the log names no password")
    void fullRunLogsNoSecret() throws Exception {
        database = EmbeddedPostgres.builder().start();
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtp.setUser("digests@example.com", "digests", SMTP_PASSWORD); // SMTP AUTH checks this password
        service.properties.put("bulletin.db.url", "jdbc:postgresql://127.0.0.1:" + database.getPort()
                + "/postgres?password=" + DB_URL_PASSWORD);
        service.properties.put("bulletin.db.user", "postgres");
        service.properties.put("bulletin.db.password", DB_PASSWORD);
        service.properties.put("bulletin.smtp.host", "127.0.0.1");
        service.properties.put("bulletin.smtp.port", String.valueOf(smtpPort));
        service.properties.put("bulletin.smtp.user", "digests");
        service.properties.put("bulletin.smtp.password", SMTP_PASSWORD);
        service.start();
        service.awaitLog("\\) started in");

        service.drop(Files.readAllBytes(CORPUS.resolve("seed-001.pdf")), "seed-001.pdf");
        service.awaitLog("bulletin #1 from inbox/seed-001.pdf");
        service.awaitLog("digest\\(s\\) sent");
        service.stop();

        assertThat(smtp.getReceivedMessages()).isNotEmpty();
        assertThat(Files.readString(service.log())).contains("shutdown").doesNotContain(SECRETS);
    }

    @Test
    @DisplayName("an intake mailbox that cannot be reached: the outage line names the endpoint, not its password")
    void failingMailEndpointLogsNoSecret() throws Exception {
        service.properties.put("bulletin.imap.host", "127.0.0.1");
        service.properties.put("bulletin.imap.port", String.valueOf(freePort())); // nobody listens
        service.start();

        service.awaitLog("imap://127.0.0.1", 2);
        service.stop();

        // the mailbox outage is logged in one line of its own, which names the endpoint without its credentials
        assertThat(Files.readString(service.log())).contains("cannot be read: cannot connect").doesNotContain(SECRETS);
    }
}
