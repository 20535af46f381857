package com.bulletiningest.embedded;

import java.nio.file.Path;
import java.util.List;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("embedded mail server")
class EmbeddedMailServerTest {

    private static final String PASSWORD = "Mailbox-Pw-4711";

    @TempDir
    Path mailDir;

    private EmbeddedMailServer server;

    private EmbeddedMailServer start(List<String> mailboxes) {
        server = new EmbeddedMailServer("127.0.0.1", PASSWORD, mailboxes, mailDir).withSmtp(0).withImap(0);
        server.start();
        return server;
    }

    private MailClient client() {
        return new MailClient("127.0.0.1", server.smtpPort(), server.imapPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @DisplayName("a mail sent over SMTP to a mailbox is read over IMAP with the address and the shared password only")
    void deliversToTheMailboxOfEachAddress() throws Exception {
        start(List.of("pharma@example.com", "ip@example.com"));
        client().send("ip@example.com", "周报 2021-03-12");

        assertThat(client().subjects("ip@example.com", PASSWORD, "INBOX")).containsExactly("周报 2021-03-12");
        assertThat(client().subjects("pharma@example.com", PASSWORD, "INBOX")).isEmpty();
        assertThatThrownBy(() -> client().subjects("ip@example.com", "secret", "INBOX"))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    @DisplayName("SMTP refuses a recipient without a mailbox (550 at RCPT) and opens no mailbox for it")
    void refusesUnknownRecipients() throws Exception {
        start(List.of("pharma@example.com"));

        assertThatThrownBy(() -> client().send("stranger@example.org", "relay me"))
                .isInstanceOf(SendFailedException.class)
                .satisfies(e -> assertThat(((SendFailedException) e).getInvalidAddresses()).hasSize(1))
                .hasStackTraceContaining("550");
        assertThatThrownBy(() -> client().send("pharma@localhost", "near miss"))
                .isInstanceOf(SendFailedException.class);
        // plain GreenMail would have created it with the address as password
        assertThatThrownBy(() -> client().subjects("stranger@example.org", "stranger@example.org", "INBOX"))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(client().subjects("pharma@example.com", PASSWORD, "INBOX")).isEmpty();
    }

    @Test
    @DisplayName("mailboxes survive a restart: messages, their flags and folders, a moved message only where it went")
    void keepsTheMailboxesAcrossARestart() throws Exception {
        start(List.of("bulletins@localhost", "pharma@example.com"));
        client().send("bulletins@localhost", "bulletin one");
        client().send("bulletins@localhost", "bulletin two");
        client().send("pharma@example.com", "digest 1");
        client().moveToFolder("bulletins@localhost", PASSWORD, "bulletin one", "Processed");
        client().flag("pharma@example.com", PASSWORD, "digest 1", Flags.Flag.SEEN);
        server.stop();

        start(List.of("bulletins@localhost", "pharma@example.com"));

        assertThat(client().subjects("bulletins@localhost", PASSWORD, "INBOX")).containsExactly("bulletin two");
        assertThat(client().subjects("bulletins@localhost", PASSWORD, "Processed")).containsExactly("bulletin one");
        assertThat(client().subjectsWith("pharma@example.com", PASSWORD, Flags.Flag.SEEN)).containsExactly("digest 1");
        assertThat(client().subjectsWith("bulletins@localhost", PASSWORD, Flags.Flag.SEEN)).isEmpty();
    }

    @Test
    @DisplayName("a mailbox opened while running (an owner added) gets mail at once, and its old mail back from disk")
    void opensMailboxesWhileRunning() throws Exception {
        start(List.of("lead@example.com", "tech@example.com"));
        client().send("tech@example.com", "old digest");
        server.stop();

        start(List.of("lead@example.com"));
        assertThatThrownBy(() -> client().send("tech@example.com", "too early")).isInstanceOf(SendFailedException.class);
        server.addMailboxes(List.of("tech@example.com"));
        client().send("tech@example.com", "new digest");

        assertThat(client().subjects("tech@example.com", PASSWORD, "INBOX")).containsExactly("old digest", "new digest");
    }
}
