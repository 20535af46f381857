package com.bulletiningest.intake.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import com.bulletiningest.app.Eventually;
import com.bulletiningest.app.RunningService;
import com.bulletiningest.fixtures.DovecotServer;
import com.bulletiningest.fixtures.LmtpRelay;
import com.bulletiningest.fixtures.PdfCopies;
import com.bulletiningest.fixtures.LogCapture;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.app.RunningService.CORPUS;
import static com.bulletiningest.app.RunningService.OWNERS;
import static com.bulletiningest.app.RunningService.PATIENCE;
import static com.bulletiningest.app.RunningService.settle;
import static com.bulletiningest.intake.mail.TestMails.forwarded;
import static com.bulletiningest.intake.mail.TestMails.message;
import static com.bulletiningest.intake.mail.TestMails.pdfAttachment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service ({@link RunningService}) with its intake mailbox on Dovecot, a real IMAP server started by the
 * test ({@link DovecotServer}), and its digests sent over SMTP ({@link LmtpRelay}) into the owners' Dovecot mailboxes
 * through Dovecot's LMTP: real bulletins mailed in, IDLE instead of waiting for the poll, IMAPS with the test's
 * certificate as trust store, STARTTLS, and the failures an administrator meets: the server killed mid-poll, TLS
 * refused (IMAPS and STARTTLS: the certificate not trusted, the port not speaking it), a wrong password, a message
 * deleted by someone else while the service reads the folder, a restart.
 */
@DisplayName("mail intake on Dovecot")
class DovecotMailIntakeIT {

    private static final String INTAKE = RunningService.INTAKE;
    /** Long enough that only IDLE can explain a mail taken within seconds. */
    private static final String SLOW_POLL = "60000";

    private static final String[] OWNER_ADDRESSES = {"pharma@example.com", "ip-tech@example.com", "tech@example.com"};

    private DovecotServer dovecot;
    private LmtpRelay smtp;
    @RegisterExtension
    final RunningService service = RunningService.withOwners(OWNERS).startedByTest();
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        dovecot = new DovecotServer(INTAKE, OWNER_ADDRESSES[0], OWNER_ADDRESSES[1], OWNER_ADDRESSES[2]);
        smtp = new LmtpRelay(dovecot);
        service.properties.put("bulletin.smtp.host", "127.0.0.1");
        service.properties.put("bulletin.smtp.port", String.valueOf(smtp.port()));
        service.properties.put("bulletin.keywords.enabled", "false");
        service.properties.put("bulletin.imap.host", "127.0.0.1");
        service.properties.put("bulletin.imap.port", String.valueOf(dovecot.imapPort()));
        service.properties.put("bulletin.imap.user", INTAKE);
        service.properties.put("bulletin.imap.password", DovecotServer.PASSWORD);
        log = LogCapture.start();
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        service.stop(); // before the mail servers it uses
        smtp.close();
        dovecot.close();
    }

    @Test
    @DisplayName("with IDLE a mailed bulletin (in a forward of a forward) is stored within seconds although the poll is "
            + "a minute apart; the mail moves to Processed, a folder Dovecot did not have; each owner's digest arrives "
            + "in their Dovecot mailbox over SMTP and LMTP")
    void idleTakesMailAtOnce() throws Exception {
        service.properties.put("bulletin.imap.poll-delay", SLOW_POLL);
        service.start();
        Thread.sleep(1500); // the start's first poll is over, the IDLE connection is waiting

        MimeMessage original = message("office@ministry.example", "政策周报", pdfAttachment(corpusPdf("seed-000.pdf"), "周报.pdf"));
        MimeMessage mail = message("alice@example.com", "Fwd: Fwd: 政策周报",
                forwarded(message("bob@example.org", "Fwd: 政策周报", forwarded(original))));
        long delivered = System.nanoTime();
        dovecot.deliver(INTAKE, mail);
        awaitFolder("Processed", 1, Duration.ofSeconds(20)); // the next poll would come after 60 s
        assertThat(Duration.ofNanos(System.nanoTime() - delivered)).isLessThan(Duration.ofSeconds(20));

        assertThat(service.strings("select source_kind || ' ' || original_name || ' ' || message_id from bulletin"))
                .containsExactly("mail 周报.pdf " + mail.getMessageID());
        assertThat(service.count("select count(*) from notice")).isEqualTo(15);
        assertThat(dovecot.count(INTAKE, "INBOX")).isZero();
        for (String owner : OWNER_ADDRESSES) {
            Eventually.within(PATIENCE, "the digest for " + owner, () -> dovecot.count(owner, "INBOX") == 1);
        }
        assertThat(dovecot.subjects("pharma@example.com", "INBOX")).singleElement().asString()
                .startsWith("【政策周报】").contains("新通知");
        assertThat(log.atLeast(Level.WARN)).extracting(LogCapture.Event::message)
                .allSatisfy(line -> assertThat(line).contains("allowed-senders is empty"));
    }

    @Test
    @DisplayName("Dovecot killed with SIGKILL while the service reads the folder and started again: every mail is "
            + "stored once, none goes to Failed, no attempt is counted; the outage is one WARN line and its end one "
            + "INFO line, no stack trace; IDLE is back and takes the next mail at once")
    void serverKilledMidPoll() throws Exception {
        service.properties.put("bulletin.imap.poll-delay", SLOW_POLL);
        service.start();
        Thread.sleep(1500);
        String[] pdfs = {"seed-000.pdf", "seed-001.pdf", "seed-002.pdf", "seed-003.pdf"};
        for (String pdf : pdfs) {
            dovecot.deliver(INTAKE, message("alice@example.com", pdf, pdfAttachment(corpusPdf(pdf), pdf)));
        }
        Eventually.within(PATIENCE, "the first mail stored", () -> service.count("select count(*) from bulletin") >= 1);
        dovecot.kill9(); // the poll is reading the others
        Thread.sleep(3000); // reconnections fail meanwhile
        dovecot.start();

        // the poll that lost the server is tried again within seconds (MailboxScheduler), not a minute later
        Eventually.within(Duration.ofSeconds(60), "every mail stored",
                () -> service.count("select count(*) from bulletin") == pdfs.length);
        awaitFolder("Processed", pdfs.length, Duration.ofSeconds(30));
        dovecot.deliver(INTAKE, message("alice@example.com", "after", pdfAttachment(corpusPdf("seed-004.pdf"), "after.pdf")));
        awaitFolder("Processed", pdfs.length + 1, Duration.ofSeconds(20));
        settle();

        assertThat(dovecot.count(INTAKE, "INBOX") + dovecot.count(INTAKE, "Failed")).isZero();
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(pdfs.length + 1);
        assertThat(service.count("select count(*) from intake_attempt")).isZero();
        assertThat(log.stackTraceLines()).isEmpty();
        assertThat(log.linesWith("cannot be read: ")).hasSize(1);
        assertThat(log.linesWith("can be read again after")).hasSize(1);
        assertThat(log.atLeast(Level.ERROR)).isEmpty();
    }

    @Test
    @DisplayName("Dovecot down when the service starts, polls a minute apart and no IDLE: one WARN line; the failed poll "
            + "is tried again after 1, 2, 4 … s, so once Dovecot is up the waiting mail is stored within seconds, and "
            + "the outage's end is one INFO line")
    void failedPollTriedAgainSoon() throws Exception {
        service.properties.put("bulletin.imap.poll-delay", SLOW_POLL);
        service.properties.put("bulletin.imap.idle", "false");
        dovecot.stop();
        service.start();
        Eventually.within(PATIENCE, "the outage logged", () -> log.linesWith("cannot be read: ").size() == 1);
        dovecot.start();
        dovecot.deliver(INTAKE, message("alice@example.com", "简报", pdfAttachment(corpusPdf("seed-001.pdf"), "a.pdf")));
        long started = System.nanoTime();

        awaitFolder("Processed", 1, Duration.ofSeconds(30)); // the next regular poll comes a minute after the first
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(service.strings("select original_name from bulletin")).containsExactly("a.pdf");
        assertThat(log.linesWith("cannot be read: ")).hasSize(1);
        assertThat(log.linesWith("can be read again after")).hasSize(1);
        assertThat(log.stackTraceLines()).isEmpty();
    }

    @Test
    @DisplayName("60 mails waiting at the start, polls a minute apart and no IDLE: the first poll takes 50 (a full "
            + "batch) and the next follows at once, so all 60 are stored within seconds, not a poll period later")
    void fullBatchFollowedAtOnce() throws Exception {
        service.properties.put("bulletin.imap.poll-delay", SLOW_POLL);
        service.properties.put("bulletin.imap.idle", "false");
        int mails = 60;
        for (int i = 0; i < mails; i++) {
            String name = "seed-" + (100 + i) + ".pdf";
            dovecot.deliver(INTAKE, message("alice@example.com", name, pdfAttachment(corpusPdf(name), name)));
        }
        service.start();

        // the next regular poll comes a minute after the first
        awaitFolder("Processed", mails, Duration.ofSeconds(45));
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(mails);
        assertThat(dovecot.count(INTAKE, "INBOX")).isZero();
    }

    @Test
    @DisplayName("IMAPS with the test's self-signed certificate as bulletin.imap.trust-store (PEM): the bulletin is stored")
    void imapsWithTrustStore() throws Exception {
        service.properties.put("bulletin.imap.tls", "true");
        service.properties.put("bulletin.imap.port", String.valueOf(dovecot.imapsPort()));
        service.properties.put("bulletin.imap.trust-store", dovecot.certificate().toString());
        service.start();
        dovecot.deliver(INTAKE, message("alice@example.com", "简报", pdfAttachment(corpusPdf("seed-001.pdf"), "a.pdf")));

        awaitFolder("Processed", 1, PATIENCE);
        assertThat(service.strings("select original_name from bulletin")).containsExactly("a.pdf");
    }

    @Test
    @DisplayName("IMAPS without the certificate trusted: one WARN line saying so and naming bulletin.imap.trust-store "
            + "over many polls, no stack trace, the mail left in the mailbox")
    void untrustedCertificate() throws Exception {
        service.properties.put("bulletin.imap.tls", "true");
        service.properties.put("bulletin.imap.port", String.valueOf(dovecot.imapsPort()));
        assertOneLineRefusal("TLS refused: the server's certificate is not trusted (", "bulletin.imap.trust-store");
    }

    @Test
    @DisplayName("bulletin.imap.tls=true against the plain IMAP port: one WARN line saying the port does not speak IMAPS")
    void tlsOnPlainPort() throws Exception {
        service.properties.put("bulletin.imap.tls", "true");
        assertOneLineRefusal("TLS refused (", "the port must speak IMAPS");
    }

    @Test
    @DisplayName("STARTTLS on the IMAP port with the test's self-signed certificate as bulletin.imap.trust-store: the "
            + "bulletin is stored, and Dovecot logged the service's logins as under TLS")
    void startTlsWithTrustStore() throws Exception {
        service.properties.put("bulletin.imap.starttls", "true");
        service.properties.put("bulletin.imap.trust-store", dovecot.certificate().toString());
        service.start();
        dovecot.deliver(INTAKE, message("alice@example.com", "简报", pdfAttachment(corpusPdf("seed-001.pdf"), "a.pdf")));

        awaitFolder("Processed", 1, PATIENCE);
        assertThat(service.strings("select original_name from bulletin")).containsExactly("a.pdf");
        // the test's own connections log in without TLS
        assertThat(dovecot.logins(INTAKE)).filteredOn(login -> login.contains(", TLS,")).isNotEmpty();
    }

    @Test
    @DisplayName("STARTTLS without the certificate trusted: one WARN line saying so and naming bulletin.imap.trust-store, "
            + "no login tried (the password is not sent), the mail left in the mailbox")
    void startTlsUntrustedCertificate() throws Exception {
        service.properties.put("bulletin.imap.starttls", "true");
        assertRefusedBeforeLogin("TLS refused: the server's certificate is not trusted (", "bulletin.imap.trust-store");
    }

    @Test
    @DisplayName("STARTTLS required from a server that does not offer it: one WARN line saying so, no login tried (the "
            + "password is not sent in clear), the mail left in the mailbox")
    void startTlsNotOffered() throws Exception {
        dovecot.close(); // this test's server offers no TLS at all, in place of the one every test starts
        dovecot = DovecotServer.withoutTls(INTAKE);
        service.properties.put("bulletin.imap.port", String.valueOf(dovecot.imapPort()));
        service.properties.put("bulletin.imap.starttls", "true");
        assertRefusedBeforeLogin("TLS refused: the server does not offer STARTTLS (", "bulletin.imap.starttls=true");
    }

    @Test
    @DisplayName("a wrong password: one WARN line saying the login was refused, naming the properties to check")
    void wrongPassword() throws Exception {
        service.properties.put("bulletin.imap.password", "not-the-password");
        assertOneLineRefusal("login refused (", "check bulletin.imap.user and bulletin.imap.password");
    }

    @Test
    @DisplayName("a message deleted by someone else while the poll reads the folder: the others are stored and moved, "
            + "the deleted one noted in one INFO line, nothing Failed, no attempt counted, no ERROR")
    void messageDeletedMidPoll() throws Exception {
        service.start();
        service.camelContext().getRouteController().stopRoute("inbox-mail");
        for (String pdf : new String[] {"seed-000.pdf", "seed-001.pdf", "seed-002.pdf", "seed-003.pdf"}) {
            dovecot.deliver(INTAKE, message("alice@example.com", pdf, pdfAttachment(corpusPdf(pdf), pdf)));
        }
        try (Connection blocker = service.connection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("lock table bulletin in exclusive mode"); // the first mail's store waits for it
            service.camelContext().getRouteController().startRoute("inbox-mail");
            Eventually.within(PATIENCE, "the first mail's store waiting", () -> service.count(
                    "select count(*) from pg_locks where not granted and relation = 'bulletin'::regclass") > 0);
            // the first two are being read (two at a time), the third not yet
            deleteFromInbox("seed-002.pdf");
            blocker.rollback();
        }

        awaitFolder("Processed", 3, PATIENCE);
        settle();
        assertThat(service.strings("select original_name from bulletin"))
                .containsExactlyInAnyOrder("seed-000.pdf", "seed-001.pdf", "seed-003.pdf");
        assertThat(dovecot.count(INTAKE, "INBOX") + dovecot.count(INTAKE, "Failed")).isZero();
        assertThat(service.count("select count(*) from intake_attempt")).isZero();
        assertThat(log.linesWith("left the folder before it was read")).hasSize(1);
        assertThat(log.atLeast(Level.ERROR)).isEmpty();
        assertThat(log.stackTraceLines()).isEmpty();
    }

    @Test
    @DisplayName("mail arriving while the service is stopped is taken after the restart, once; mail stored before the "
            + "stop is not taken again")
    void restartInTheMiddle() throws Exception {
        service.start();
        dovecot.deliver(INTAKE, message("alice@example.com", "一", pdfAttachment(corpusPdf("seed-000.pdf"), "one.pdf")));
        awaitFolder("Processed", 1, PATIENCE);
        service.stop();

        dovecot.deliver(INTAKE, message("alice@example.com", "二", pdfAttachment(corpusPdf("seed-001.pdf"), "two.pdf")));
        service.start();
        awaitFolder("Processed", 2, PATIENCE);
        settle();
        assertThat(service.strings("select original_name from bulletin order by id")).containsExactly("one.pdf", "two.pdf");
        Eventually.within(PATIENCE, "two digests for pharma", () -> dovecot.count("pharma@example.com", "INBOX") == 2);
    }

    /** Starts the service, which cannot read the mailbox; a mail waits there; one line over several seconds of polls. */
    private void assertOneLineRefusal(String reason, String advice) throws Exception {
        startRefused();
        assertRefusedInOneLine(reason, advice);
    }

    /** {@link #assertOneLineRefusal}, and the service never logged in: Dovecot logged no login but the test's own. */
    private void assertRefusedBeforeLogin(String reason, String advice) throws Exception {
        int testsLogins = startRefused();
        assertThat(dovecot.logins(INTAKE)).hasSize(testsLogins);
        assertRefusedInOneLine(reason, advice);
    }

    /** Delivers a mail, starts the service and lets it try for a while; how many logins Dovecot logged before it. */
    private int startRefused() throws Exception {
        dovecot.deliver(INTAKE, message("alice@example.com", "简报", pdfAttachment(corpusPdf("seed-001.pdf"), "a.pdf")));
        // Dovecot's log process writes the delivery's login line a moment later
        Eventually.within(PATIENCE, "the delivery's login logged", () -> !dovecot.logins(INTAKE).isEmpty());
        int logins = dovecot.logins(INTAKE).size();
        service.start();
        Thread.sleep(5000); // over 10 polls and several IDLE reconnections
        return logins;
    }

    private void assertRefusedInOneLine(String reason, String advice) throws Exception {
        assertThat(log.linesWith("cannot be read: ")).singleElement().asString()
                .startsWith("WARN").contains(reason).contains(advice);
        assertThat(log.stackTraceLines()).isEmpty();
        assertThat(log.atLeast(Level.WARN)).extracting(LogCapture.Event::message)
                .allSatisfy(line -> assertThat(line).containsAnyOf("cannot be read: ", "allowed-senders is empty"));
        assertThat(dovecot.count(INTAKE, "INBOX")).isEqualTo(1);
        assertThat(service.count("select count(*) from bulletin")).isZero();
    }

    private void deleteFromInbox(String subject) throws Exception {
        try (Store store = dovecot.connect(INTAKE)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            }
            inbox.close(true);
        }
    }

    private void awaitFolder(String folder, int messages, Duration patience) throws Exception {
        Eventually.within(patience, messages + " message(s) in " + folder, () -> dovecot.count(INTAKE, folder) == messages);
    }

    /** seed-000.pdf and seed-001.pdf of the corpus; seed-00N.pdf beyond them a copy of seed-000 with other bytes. */
    private static byte[] corpusPdf(String name) throws IOException {
        Path file = CORPUS.resolve(name);
        if (Files.exists(file)) {
            return Files.readAllBytes(file);
        }
        return PdfCopies.copy(Files.readAllBytes(CORPUS.resolve("seed-000.pdf")), Integer.parseInt(name.replaceAll("\\D", "")));
    }
}
