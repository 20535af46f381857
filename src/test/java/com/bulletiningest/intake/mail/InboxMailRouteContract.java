package com.bulletiningest.intake.mail;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.store.db.AdvisoryLock;
import com.bulletiningest.store.db.DatabaseUnavailableException;
import com.bulletiningest.store.intake.IntakeAttempts;
import com.bulletiningest.store.intake.MailMessages;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.intake.mail.TestMails.attachment;
import static com.bulletiningest.intake.mail.TestMails.fakePdf;
import static com.bulletiningest.intake.mail.TestMails.forwarded;
import static com.bulletiningest.intake.mail.TestMails.message;
import static com.bulletiningest.intake.mail.TestMails.pdfAttachment;
import static com.bulletiningest.intake.mail.TestMails.rfc2231Disposition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * routes/inbox-mail.yaml on its own, against a real IMAP server (GreenMail: {@link InboxMailRouteTest}, Dovecot:
 * {@link InboxMailRouteDovecotTest}) and the mail_messages table on a real PostgreSQL: which folder each message ends
 * in, and that nothing is moved until it is done. The {@code direct:ingest} route is played by a stand-in that records
 * what it is given, takes PDFs whose text says "bulletin" (a second time as a duplicate), refuses others as the
 * extractor would, and fails like a stopped database on demand.
 */
abstract class InboxMailRouteContract {

    /** The IMAP server under test, holding the intake mailbox {@link TestMails#MAILBOX}. */
    interface IntakeServer extends AutoCloseable {
        int imapPort();

        String password();

        /** Puts a message into the intake INBOX as mail arriving from outside. */
        void deliver(MimeMessage message) throws Exception;
    }

    protected abstract IntakeServer startServer() throws Exception;

    /** ms between the route's polls. */
    protected abstract String pollDelay();

    private IntakeServer server;
    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();
    private CamelContext camel;
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private final List<String> ingested = new CopyOnWriteArrayList<>();
    private final Set<String> contents = ConcurrentHashMap.newKeySet();

    private static final String MAILBOX_LOCK = "intake mailbox";

    @BeforeEach
    void start() throws Exception {
        server = startServer();
        camel = startInstance();
    }

    /** The route with its beans in a Camel context of its own, as one service instance runs it. */
    private CamelContext startInstance() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("bulletin.imap.protocol", "imap");
        properties.put("bulletin.imap.host", "127.0.0.1");
        properties.put("bulletin.imap.port", String.valueOf(server.imapPort()));
        properties.put("bulletin.imap.user", TestMails.MAILBOX);
        properties.put("bulletin.imap.password", server.password());
        properties.put("bulletin.imap.folder", "INBOX");
        properties.put("bulletin.imap.poll-delay", pollDelay());
        camel.getPropertiesComponent().setInitialProperties(properties);
        IntakeMailbox mailbox = new IntakeMailbox("imap", "127.0.0.1", server.imapPort(), TestMails.MAILBOX,
                server.password(), "INBOX", MailSessionProperties.of(null, false));
        MailboxOutage outage = new MailboxOutage(mailbox);
        camel.getRegistry().bind("mailIntake", new MailIntakeProcessor(new MailIntake(SenderPolicy.parse("alice@example.com"),
                new PdfAttachmentFinder(1 << 20), new MailMessages(DATABASE.dataSource()),
                new IntakeAttempts(DATABASE.dataSource()), new MailIntake.Limits(1 << 20, 3)), outage, camel));
        camel.getRegistry().bind("intakeMailProperties", mailbox.sessionProperties());
        MailboxPollLock pollLock = new MailboxPollLock(new AdvisoryLock(DATABASE.dataSource(), MAILBOX_LOCK), outage);
        camel.getRegistry().bind("mailboxPollLock", pollLock);
        camel.getRegistry().bind("mailboxExceptionHandler", new MailboxExceptionHandler(outage));
        camel.getRegistry().bind("prefetchingUidGenerator", new PrefetchingUidGenerator());
        camel.getRegistry().bind("mailboxScheduler", new MailboxScheduler(new MailboxIdleWatcher(mailbox, outage), pollLock));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ingest").errorHandler(noErrorHandler()).process(e -> {
                    if (storeDown.get()) {
                        throw new DatabaseUnavailableException("cannot look up bulletin by hash",
                                new SQLException("Connection to localhost:5432 refused", "08001"));
                    }
                    if (!e.getIn().getBody(String.class).contains("bulletin")) {
                        throw new UnreadableBulletinException(UnreadableBulletinException.Reason.NOT_A_BULLETIN,
                                "not a bulletin");
                    }
                    boolean isNew = contents.add(e.getIn().getBody(String.class));
                    ingested.add(e.getIn().getHeader("bulletinSourceKind") + " "
                            + e.getIn().getHeader("bulletinOriginalName") + " " + e.getIn().getHeader("bulletinMessageId"));
                    e.getIn().setHeader("bulletinOutcome", isNew ? "STORED" : "DUPLICATE");
                });
            }
        });
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/inbox-mail.yaml"));
        camel.start();
        return camel;
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        server.close();
    }

    @Test
    @DisplayName("a PDF attachment is ingested as from mail with its name and the Message-ID; the message moves to Processed")
    void plainAttachment() throws Exception {
        MimeMessage mail = message("alice@example.com", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf"));
        send(mail);

        awaitFolders(0, 1, 0, 0);
        assertThat(ingested).containsExactly("mail a.pdf " + mail.getMessageID());
    }

    @Test
    @DisplayName("while another instance polls the mailbox (holds its lock) the mail is left alone; then it is ingested once")
    void mailboxPolledByOneInstanceAtATime() throws Exception {
        AdvisoryLock.Held otherInstance = new AdvisoryLock(DATABASE.dataSource(), MAILBOX_LOCK).tryAcquire().orElseThrow();
        MimeMessage mail = message("alice@example.com", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf"));
        send(mail);
        Thread.sleep(1500); // several polls, each skipped

        assertThat(ingested).isEmpty();
        otherInstance.close();
        awaitFolders(0, 1, 0, 0);
        assertThat(ingested).containsExactly("mail a.pdf " + mail.getMessageID());
    }

    @Test
    @DisplayName("two instances on one database and one mailbox, ten mails arriving one after another: each mail "
            + "ingested once, with its own PDF and Message-ID, and moved to Processed")
    void twoInstances() throws Exception {
        CamelContext other = startInstance();
        try {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                MimeMessage mail = message("alice@example.com", "简报 " + i, pdfAttachment(fakePdf("bulletin " + i), "b" + i + ".pdf"));
                send(mail);
                expected.add("mail b" + i + ".pdf " + mail.getMessageID());
            }
            awaitFolders(0, 10, 0, 0);
            assertThat(ingested).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            other.stop();
        }
    }

    @Test
    @DisplayName("two PDFs in one mail are both ingested")
    void twoPdfsInOneMail() throws Exception {
        MimeMessage mail = message("alice@example.com", "简报",
                pdfAttachment(fakePdf("bulletin 1"), "a.pdf"), pdfAttachment(fakePdf("bulletin 2"), "b.pdf"));
        send(mail);

        awaitFolders(0, 1, 0, 0);
        assertThat(ingested).containsExactly("mail a.pdf " + mail.getMessageID(), "mail b.pdf " + mail.getMessageID());
    }

    @Test
    @DisplayName("a PDF in a forward of a forward is ingested under the outer message's Message-ID")
    void forwardAsAttachmentTwoLevelsDeep() throws Exception {
        MimeMessage original = message("office@ministry.example", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf"));
        MimeMessage forward = message("bob@example.org", "Fwd: 简报", forwarded(original));
        MimeMessage mail = message("alice@example.com", "Fwd: Fwd: 简报", forwarded(forward));
        send(mail);

        awaitFolders(0, 1, 0, 0);
        assertThat(ingested).containsExactly("mail a.pdf " + mail.getMessageID());
    }

    @Test
    @DisplayName("an RFC 2231 Chinese name and a traversal name reach direct:ingest decoded and harmless")
    void namesDecodedAndHarmless() throws Exception {
        send(message("alice@example.com", "简报",
                attachment(fakePdf("bulletin 1"), "application/pdf", rfc2231Disposition("医药信息篇.pdf")),
                pdfAttachment(fakePdf("bulletin 2"), "../../etc/x.pdf")));

        awaitFolders(0, 1, 0, 0);
        assertThat(ingested).extracting(line -> line.split(" ")[1]).containsExactly("医药信息篇.pdf", "x.pdf");
    }

    @Test
    @DisplayName("a non-PDF attachment is ignored; a mail with no PDF moves to Processed, ingesting nothing")
    void nonPdfIgnored() throws Exception {
        send(message("alice@example.com", "会议纪要",
                attachment("minutes".getBytes(StandardCharsets.UTF_8), "application/pdf", "attachment; filename=\"minutes.pdf\"")));

        awaitFolders(0, 1, 0, 0);
        assertThat(ingested).isEmpty();
    }

    @Test
    @DisplayName("a mail from a sender not allowed moves to Rejected, ingesting nothing")
    void senderNotAllowed() throws Exception {
        send(message("mallory@evil.example", "简报", pdfAttachment(fakePdf("bulletin"), "b.pdf")));

        awaitFolders(0, 0, 1, 0);
        assertThat(ingested).isEmpty();
    }

    @Test
    @DisplayName("the same message delivered twice (same Message-ID) is ingested once; both copies move to Processed")
    void duplicateMessage() throws Exception {
        MimeMessage mail = message("alice@example.com", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf"));
        send(mail);
        awaitFolders(0, 1, 0, 0);

        send(mail);
        awaitFolders(0, 2, 0, 0);
        assertThat(ingested).containsExactly("mail a.pdf " + mail.getMessageID());
    }

    @Test
    @DisplayName("a message someone already opened in the mailbox is still taken")
    void alreadyReadMessage() throws Exception {
        camel.getRouteController().stopRoute("inbox-mail");
        send(message("alice@example.com", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf")));
        markAllRead();

        camel.getRouteController().startRoute("inbox-mail");
        awaitFolders(0, 1, 0, 0);
        assertThat(ingested).hasSize(1);
    }

    @Test
    @DisplayName("a message whose only PDF is refused moves to Failed")
    void failed() throws Exception {
        send(message("alice@example.com", "简报", pdfAttachment(fakePdf("minutes"), "minutes.pdf")));

        awaitFolders(0, 0, 0, 1);
    }

    @Test
    @DisplayName("while the store fails the message stays in the inbox, unread; once it is back the message is stored and moved")
    void storeDownThenBack() throws Exception {
        storeDown.set(true);
        send(message("alice@example.com", "简报", pdfAttachment(fakePdf("bulletin"), "a.pdf")));
        Thread.sleep(2000); // several polls, each failing

        assertThat(count("INBOX")).isEqualTo(1);
        assertThat(unread()).isTrue();
        assertThat(count("Processed")).isZero();

        storeDown.set(false);
        awaitFolders(0, 1, 0, 0);
        assertThat(ingested).hasSize(1);
    }

    private void awaitFolders(int inbox, int processed, int rejected, int failed) {
        Awaitility.await("INBOX Processed Rejected Failed").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(count("INBOX") + " " + count("Processed") + " " + count("Rejected") + " "
                        + count("Failed")).isEqualTo(inbox + " " + processed + " " + rejected + " " + failed));
    }

    private void send(MimeMessage message) throws Exception {
        server.deliver(message);
    }

    private void markAllRead() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.imapPort(), TestMails.MAILBOX, server.password());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.SEEN), true);
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    private boolean unread() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.imapPort(), TestMails.MAILBOX, server.password());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            return inbox.getUnreadMessageCount() == inbox.getMessageCount();
        } finally {
            store.close();
        }
    }

    private int count(String name) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.imapPort(), TestMails.MAILBOX, server.password());
        try {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return 0;
            }
            folder.open(Folder.READ_ONLY);
            return folder.getMessageCount() - folder.getDeletedMessageCount();
        } finally {
            store.close();
        }
    }
}
