package com.bulletiningest.app;

import java.nio.file.Path;
import java.time.Duration;

import com.bulletiningest.embedded.MailClient;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.app.RunningService.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded mail server in a JVM of its own, killed with SIGKILL: what it accepted or saved is there after. */
@DisplayName("embedded mail server killed -9")
class EmbeddedMailServerIT {

    private static final String PASSWORD = "Kill-Test-Pw-0815";
    private static final String INTAKE = "bulletins@localhost";

    @TempDir
    Path home;

    private Process server;

    @AfterEach
    void kill() throws InterruptedException {
        killNow();
    }

    @Test
    @DisplayName("a mail killed right after the server said 250 OK is in the mailbox after a restart")
    void acceptedMailSurvivesAKill() throws Exception {
        MailClient client = startServer();
        client.send(INTAKE, "bulletin accepted just before the kill");
        killNow();

        MailClient restarted = startServer();
        assertThat(restarted.subjects(INTAKE, PASSWORD, "INBOX")).containsExactly("bulletin accepted just before the kill");
    }

    @Test
    @DisplayName("a move to Processed and a read flag saved before the kill are kept; nothing is duplicated")
    void savedChangesSurviveAKill() throws Exception {
        MailClient client = startServer();
        client.send(INTAKE, "one");
        client.send(INTAKE, "two");
        client.moveToFolder(INTAKE, PASSWORD, "one", "Processed");
        client.flag(INTAKE, PASSWORD, "two", Flags.Flag.SEEN);
        Thread.sleep(2500); // IMAP changes are saved every second
        killNow();

        MailClient restarted = startServer();
        assertThat(restarted.subjects(INTAKE, PASSWORD, "INBOX")).containsExactly("two");
        assertThat(restarted.subjectsWith(INTAKE, PASSWORD, Flags.Flag.SEEN)).containsExactly("two");
        assertThat(restarted.subjects(INTAKE, PASSWORD, "Processed")).containsExactly("one");
    }

    private MailClient startServer() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        server = MailServerProcess.start(home.resolve("mail"), smtp, imap, PASSWORD, INTAKE, home.resolve("server.log"));
        MailClient client = new MailClient("127.0.0.1", smtp, imap);
        Eventually.within(Duration.ofSeconds(30), "the mail server process listening", () -> {
            try {
                return client.subjects(INTAKE, PASSWORD, "INBOX") != null;
            } catch (MessagingException notYet) {
                assertThat(server.isAlive()).as("mail server process alive, see server.log").isTrue();
                return false;
            }
        });
        return client;
    }

    private void killNow() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no final save
            server.waitFor();
            server = null;
        }
    }
}
