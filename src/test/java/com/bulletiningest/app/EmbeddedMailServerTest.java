package com.bulletiningest.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("embedded mail server")
class EmbeddedMailServerTest {

    private final EmbeddedMailServer server =
            new EmbeddedMailServer("127.0.0.1", 0, 0, "secret", List.of("pharma@example.com", "ip@example.com"));

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    @DisplayName("a mail sent over SMTP to a mailbox is read over IMAP with the address and the shared password")
    void deliversToTheMailboxOfEachAddress() throws Exception {
        server.start();
        Session session = Session.getInstance(new Properties());
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom("bulletin-ingest@localhost");
        mail.setRecipients(Message.RecipientType.TO, "ip@example.com");
        mail.setSubject("周报 2021-03-12", "UTF-8");
        mail.setText("知识产权信息篇", "UTF-8");
        Transport transport = session.getTransport("smtp");
        transport.connect(server.host(), server.smtpPort(), null, null);
        transport.sendMessage(mail, new InternetAddress[] {new InternetAddress("ip@example.com")});
        transport.close();

        assertThat(subjects("ip@example.com", "secret")).containsExactly("周报 2021-03-12");
        assertThat(subjects("pharma@example.com", "secret")).isEmpty();
        assertThatThrownBy(() -> subjects("ip@example.com", "wrong")).hasMessageContaining("failed");
    }

    private List<String> subjects(String login, String password) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(server.host(), server.imapPort(), login, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }
}
