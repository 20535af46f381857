package com.bulletiningest.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.app.RunningService.CORPUS;
import static com.bulletiningest.app.RunningService.PATIENCE;
import static com.bulletiningest.app.RunningService.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as {@code java -jar} runs it (its own JVM, the shipped log4j2.properties, config/ and routes/ in the
 * working directory, settings from the environment) with every password configured: its console output, start to
 * stop, holds none of them.
 */
@DisplayName("no secret in the log")
class NoSecretInLogIT {

    private static final String DB_PASSWORD = "Db-Secret-7a1";
    private static final String DB_URL_PASSWORD = "Url-Secret-9c3";
    private static final String SMTP_PASSWORD = "Smtp-Secret-4b2";
    private static final String IMAP_PASSWORD = "Imap-Secret-6d5";
    private static final String MAIL_PASSWORD = "Mail-Secret-8e4";
    private static final List<String> SECRETS = List.of(DB_PASSWORD, DB_URL_PASSWORD, SMTP_PASSWORD, IMAP_PASSWORD,
            MAIL_PASSWORD);

    @TempDir
    Path home;

    private EmbeddedPostgres database;
    private GreenMail smtp;
    private Process service;

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.destroyForcibly().waitFor();
        }
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
        Map<String, String> env = environment();
        env.put("BULLETIN_DB_URL", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres?password="
                + DB_URL_PASSWORD);
        env.put("BULLETIN_DB_USER", "postgres");
        env.put("BULLETIN_DB_PASSWORD", DB_PASSWORD);
        env.put("BULLETIN_SMTP_HOST", "127.0.0.1");
        env.put("BULLETIN_SMTP_PORT", String.valueOf(smtpPort));
        env.put("BULLETIN_SMTP_USER", "digests");
        env.put("BULLETIN_SMTP_PASSWORD", SMTP_PASSWORD);
        env.put("BULLETIN_IMAP_PASSWORD", IMAP_PASSWORD);
        env.put("BULLETIN_EMBEDDED_MAIL_PASSWORD", MAIL_PASSWORD);
        env.put("BULLETIN_IMAP_PORT", String.valueOf(freePort()));
        start(env);

        Files.copy(CORPUS.resolve("seed-001.pdf"), home.resolve("inbox").resolve("seed-001.pdf"));
        Eventually.within(PATIENCE, "digests sent through the SMTP server with login",
                () -> log().contains("digest(s) sent"));
        stopGently();

        assertThat(smtp.getReceivedMessages()).isNotEmpty();
        assertThat(log()).contains("bulletin #1 from inbox/seed-001.pdf", "Apache Camel", "shutdown")
                .doesNotContain(SECRETS);
    }

    @Test
    @DisplayName("an intake mailbox that cannot be reached: Camel's polling errors name the endpoint, not its password")
    void failingMailEndpointLogsNoSecret() throws Exception {
        Map<String, String> env = environment();
        env.put("BULLETIN_IMAP_HOST", "127.0.0.1");
        env.put("BULLETIN_IMAP_PORT", String.valueOf(freePort())); // nobody listens
        env.put("BULLETIN_IMAP_PASSWORD", IMAP_PASSWORD);
        env.put("BULLETIN_EMBEDDED_MAIL_PASSWORD", MAIL_PASSWORD);
        env.put("BULLETIN_DB_EMBEDDED_PORT", "0");
        env.put("BULLETIN_SMTP_PORT", String.valueOf(freePort()));
        start(env);

        Eventually.within(PATIENCE, "a failed poll of the intake mailbox logged", () -> log().contains("imap://"));
        Thread.sleep(2000);
        stopGently();

        assertThat(log()).doesNotContain(SECRETS);
    }

    /** A working directory like a deployment's: config/ and routes/ from the repository, fast polling. */
    private Map<String, String> environment() throws IOException {
        for (String dir : List.of("config", "routes")) {
            Files.createDirectories(home.resolve(dir));
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.toList()) {
                    Files.copy(file, home.resolve(dir).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Map<String, String> env = new HashMap<>();
        env.put("BULLETIN_INBOX_POLL_DELAY", "200");
        env.put("BULLETIN_INBOX_CHECK_INTERVAL", "200");
        env.put("BULLETIN_INBOX_MIN_AGE", "300");
        env.put("BULLETIN_IMAP_POLL_DELAY", "500");
        env.put("BULLETIN_NOTIFY_PERIOD", "500");
        env.put("BULLETIN_KEYWORDS_ENABLED", "false");
        return env;
    }

    private void start(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("service.log").toFile());
        builder.environment().putAll(env);
        service = builder.start();
        Eventually.within(PATIENCE, "the service started", () -> {
            assertThat(service.isAlive()).as("service running; its log:%n%s", log()).isTrue();
            return log().contains(") started in");
        });
    }

    /** SIGTERM, as Ctrl+C or {@code docker stop}: the shutdown is logged too. */
    private void stopGently() throws InterruptedException {
        service.destroy();
        service.waitFor();
        service = null;
    }

    private String log() throws IOException {
        Path log = home.resolve("service.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
