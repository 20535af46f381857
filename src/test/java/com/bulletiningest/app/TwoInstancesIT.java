package com.bulletiningest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.bulletiningest.fixtures.Rows;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances, each its own JVM, on one PostgreSQL, one shared inbox folder, one shared intake mailbox and
 * one SMTP server that counts what it receives: whatever instance takes which copy, every file and mail is processed
 * once, the notices are new in exactly one bulletin, and each owner gets exactly one digest.
 */
@DisplayName("two instances on one database, one inbox and one mail server")
class TwoInstancesIT {

    private static final int COPIES = 10;
    private static final int MAILED = 4;

    @TempDir
    Path home;
    private EmbeddedPostgres postgres;
    private GreenMail mail;
    private final List<ServiceProcess> instances = new ArrayList<>();

    @BeforeEach
    void startSharedParts() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(RunningService.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(RunningService.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.start();
        mail.setUser(RunningService.INTAKE, RunningService.INTAKE, "intake-password");
        Files.createDirectories(home.resolve("shared-inbox"));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (ServiceProcess instance : instances) {
            instance.close();
        }
        mail.stop();
        postgres.close();
    }

    @Test
    @DisplayName("ten copies of one bulletin differing only in trailing bytes, six dropped and four mailed at once: one digest per owner")
    void tenCopiesOneDigestPerOwner() throws Exception {
        ServiceProcess first = instance("first");
        ServiceProcess second = instance("second");
        first.start();
        second.start();
        first.awaitLog("Apache Camel .* started");
        second.awaitLog("Apache Camel .* started");

        byte[] pdf = Files.readAllBytes(RunningService.CORPUS.resolve("seed-000.pdf"));
        Path inbox = home.resolve("shared-inbox");
        for (int i = 0; i < COPIES - MAILED; i++) {
            Path partial = home.resolve("copy-" + i + ".pdf.part");
            Files.write(partial, withTrailingBytes(pdf, i));
            Files.move(partial, inbox.resolve("copy-" + i + ".pdf"), StandardCopyOption.ATOMIC_MOVE);
        }
        for (int i = COPIES - MAILED; i < COPIES; i++) {
            GreenMailUtil.sendAttachmentEmail(RunningService.INTAKE, "forwarder@example.com", "copy " + i, "see attached",
                    withTrailingBytes(pdf, i), "application/pdf", "copy-" + i + ".pdf", "bulletin", mail.getSmtp().getServerSetup());
        }

        Eventually.within(ServiceProcess.PATIENCE, "every dropped copy in .done",
                () -> pdfsIn(inbox.resolve(".done")).size() == COPIES - MAILED);
        Eventually.within(ServiceProcess.PATIENCE, "every mailed copy in Processed", () -> intakeCount("Processed") == MAILED);
        Eventually.within(ServiceProcess.PATIENCE, "every digest sent",
                () -> count("select count(*) from outbox where sent_at is null") == 0 && count("select count(*) from outbox") > 0);
        Thread.sleep(Duration.ofSeconds(3).toMillis()); // several poll and notify periods: a second send would show

        assertThat(count("select count(*) from bulletin")).isEqualTo(COPIES);
        assertThat(count("select count(*) from notice where repeat_of is null"))
                .as("the notices are new in exactly one bulletin").isEqualTo(15);
        assertThat(digestsPerRecipient()).as("digests received per owner")
                .containsOnlyKeys("pharma@example.com", "ip-tech@example.com", "tech@example.com")
                .allSatisfy((owner, digests) -> assertThat(digests).as(owner).isEqualTo(1));
        assertThat(pdfsIn(inbox.resolve(".failed"))).as("files set aside").isEmpty();
        assertThat(intakeCount("INBOX") + intakeCount("Failed")).as("mails left or set aside").isZero();
        for (ServiceProcess instance : instances) {
            assertThat(instance.currentOutput().lines().filter(line -> line.contains(" ERROR ")))
                    .as("errors logged by an instance").isEmpty();
        }
    }

    private ServiceProcess instance(String name) throws Exception {
        Path instanceHome = Files.createDirectories(home.resolve(name));
        ServiceProcess instance = new ServiceProcess(instanceHome, RunningService.OWNERS);
        instance.properties.put("bulletin.inbox", home.resolve("shared-inbox").toString());
        instance.properties.put("bulletin.db.url", postgres.getJdbcUrl("postgres", "postgres"));
        instance.properties.put("bulletin.db.user", "postgres");
        instance.properties.put("bulletin.smtp.host", "127.0.0.1");
        instance.properties.put("bulletin.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        instance.properties.put("bulletin.imap.host", "127.0.0.1");
        instance.properties.put("bulletin.imap.port", String.valueOf(mail.getImap().getPort()));
        instance.properties.put("bulletin.imap.user", RunningService.INTAKE);
        instance.properties.put("bulletin.imap.password", "intake-password");
        instances.add(instance);
        return instance;
    }

    private static byte[] withTrailingBytes(byte[] pdf, int copy) {
        byte[] tail = ("\n% copy " + copy + "\n").getBytes();
        byte[] bytes = Arrays.copyOf(pdf, pdf.length + tail.length);
        System.arraycopy(tail, 0, bytes, pdf.length, tail.length);
        return bytes;
    }

    private Map<String, Integer> digestsPerRecipient() throws Exception {
        Map<String, Integer> received = new TreeMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                if (!recipient.toString().equals(RunningService.INTAKE)) {
                    received.merge(recipient.toString(), 1, Integer::sum);
                }
            }
        }
        return received;
    }

    /** How many messages a folder of the intake mailbox holds (none when it does not exist). */
    private int intakeCount(String folderName) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), RunningService.INTAKE, "intake-password");
        try {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(Rows.firstColumn(postgres.getPostgresDatabase(), sql).get(0));
    }

    private static List<Path> pdfsIn(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".pdf")).toList();
        }
    }
}
