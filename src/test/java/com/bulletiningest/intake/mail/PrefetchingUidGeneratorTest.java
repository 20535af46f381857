package com.bulletiningest.intake.mail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.bulletiningest.fixtures.DovecotServer;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.bulletiningest.intake.mail.TestMails.fakePdf;
import static com.bulletiningest.intake.mail.TestMails.message;
import static com.bulletiningest.intake.mail.TestMails.pdfAttachment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IMAP commands a poll sends to Dovecot for its messages before their bodies, read from Jakarta Mail's protocol
 * trace: the reads are those of camel-mail's consumer (the key, the flags) and of {@link MailIntake} (the headers of
 * {@link ReceivedMail}, the size, then the whole message).
 */
@DisplayName("prefetching a poll's headers, sizes and flags")
class PrefetchingUidGeneratorTest {

    private static final Pattern COMMAND = Pattern.compile("^[A-Z]+\\d+ (FETCH .*|STORE .*)$", Pattern.MULTILINE);

    private DovecotServer dovecot;
    private final ByteArrayOutputStream trace = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        dovecot = new DovecotServer(TestMails.MAILBOX);
    }

    @AfterEach
    void stop() throws Exception {
        dovecot.close();
    }

    @Test
    @DisplayName("three messages: one FETCH of all three's header lines, sizes and flags when camel-mail asks for the "
            + "first key, then one FETCH of each whole message; the keys are the Message-IDs; the messages stay unread")
    void oneFetchBeforeTheBodies() throws Exception {
        MimeMessage[] mails = new MimeMessage[3];
        for (int i = 0; i < mails.length; i++) {
            mails[i] = message("alice@example.com", "简报 " + i, pdfAttachment(fakePdf("bulletin " + i), i + ".pdf"));
        }
        dovecot.deliver(TestMails.MAILBOX, mails);
        PrefetchingUidGenerator generator = new PrefetchingUidGenerator();
        List<String> keys = new ArrayList<>();

        try (Store store = tracedConnection()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message polled : inbox.getMessages()) { // camel-mail lists the poll's messages
                keys.add(generator.generateUuid(null, polled));
                ((IMAPMessage) polled).setPeek(true);
                assertThat(polled.getFlags().contains(Flags.Flag.DELETED)).isFalse();
            }
            for (Message polled : inbox.getMessages()) { // MailIntake, message by message
                ReceivedMail mail = ReceivedMail.of((MimeMessage) polled);
                assertThat(mail.sender()).isEqualTo("alice@example.com");
                assertThat(polled.getSize()).isPositive();
                assertThat(new PdfAttachmentFinder(1 << 20).find(new MimeMessage((MimeMessage) polled)).pdfs()).hasSize(1);
            }
            inbox.close(false);
        }

        assertThat(commands()).containsExactly(
                "FETCH 1:3 (FLAGS BODY.PEEK[HEADER] RFC822.SIZE)",
                "FETCH 1 (BODY.PEEK[])",
                "FETCH 2 (BODY.PEEK[])",
                "FETCH 3 (BODY.PEEK[])");
        assertThat(keys).containsExactly(mails[0].getMessageID(), mails[1].getMessageID(), mails[2].getMessageID());
        try (Store store = dovecot.connect(TestMails.MAILBOX)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getUnreadMessageCount()).isEqualTo(3);
        }
    }

    /** A connection as the route's (bodies fetched whole), with Jakarta Mail's protocol trace into {@link #trace}. */
    private Store tracedConnection() throws Exception {
        Session session = Session.getInstance(MailSessionProperties.of(null, false));
        session.setDebugOut(new PrintStream(trace, true, StandardCharsets.UTF_8));
        session.setDebug(true);
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", dovecot.imapPort(), TestMails.MAILBOX, DovecotServer.PASSWORD);
        return store;
    }

    /** The FETCH and STORE commands sent, without their tags (a letter or more and a number). */
    private List<String> commands() {
        List<String> commands = new ArrayList<>();
        Matcher matcher = COMMAND.matcher(trace.toString(StandardCharsets.UTF_8).replace("\r", ""));
        while (matcher.find()) {
            commands.add(matcher.group(1));
        }
        return commands;
    }
}
