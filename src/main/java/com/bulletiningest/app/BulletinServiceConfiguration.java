package com.bulletiningest.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import com.bulletiningest.intake.folder.ClaimRepository;
import com.bulletiningest.intake.folder.FolderIntake;
import com.bulletiningest.intake.folder.InboxEntryFilter;
import com.bulletiningest.intake.folder.MoveFailureLog;
import com.bulletiningest.intake.folder.UnsettledFiles;
import com.bulletiningest.notify.DigestComposer;
import com.bulletiningest.notify.Outbox;
import com.bulletiningest.notify.OutboxSender;
import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.Enricher;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.extract.OcrSettings;
import com.bulletiningest.extract.PageOcr;
import com.bulletiningest.notify.Owners;
import com.bulletiningest.notify.SmtpSettings;
import com.bulletiningest.store.BulletinPdfs;
import com.bulletiningest.store.BulletinStore;
import com.bulletiningest.store.Database;
import com.bulletiningest.store.FileClaims;
import com.bulletiningest.store.IntakeAttempts;
import com.bulletiningest.store.PasswordFile;
import com.bulletiningest.store.NoticeQueries;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the beans the routes call, from the {@code bulletin.*} properties, and binds them by name:
 * {@code ingestSteps}, {@code bulletinStore}, {@code noticeQueries}, {@code outbox}, {@code bulletinPdfs}, {@code outboxSender}, {@code database} and, when it runs,
 * {@code embeddedMailServer}. When no database or mail server is configured it starts the embedded ones; Camel stops
 * them after the routes.
 */
public class BulletinServiceConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BulletinServiceConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = new Settings(context);
        Path dataDir = settings.path("bulletin.data-dir", "data");
        Files.createDirectories(settings.path("bulletin.inbox", "inbox"));
        // re-read when the file changes; a broken edit is logged with its line and the previous owners stay
        ReloadingConfig<Owners> ownersFile = new ReloadingConfig<>(settings.path("bulletin.owners-file",
                "config/owners.yaml"), Owners::parse);
        Supplier<Owners> owners = ownersFile;
        boolean embeddedSmtp = settings.isEmpty("bulletin.smtp.host");
        if (embeddedSmtp || settings.isEmpty("bulletin.imap.host")) {
            EmbeddedMailServer mail = startEmbeddedMail(context, settings, dataDir, ownersFile.get());
            if (embeddedSmtp) {
                // an owner added while running gets a mailbox like the others before its first digest is queued
                owners = () -> {
                    Owners current = ownersFile.get();
                    mail.addMailboxes(current.addresses());
                    return current;
                };
            }
        }

        Database database = new Database(settings.text("bulletin.db.url"), settings.text("bulletin.db.user"),
                settings.text("bulletin.db.password"), dataDir, settings.number("bulletin.db.embedded-port", 0),
                Duration.ofMillis(settings.number("bulletin.db.connection-timeout",
                        (int) Database.DEFAULT_CONNECTION_TIMEOUT.toMillis())));
        context.addService(closing("database", database), true, true);
        context.getRegistry().bind("database", database);

        // the outbox queues each bulletin's digests in the store's transaction
        Outbox outbox = new Outbox(database.dataSource(), owners,
                new DigestComposer(settings.text("bulletin.public-url")));
        BulletinStore store = new BulletinStore(database.dataSource(), outbox);
        context.getRegistry().bind("bulletinStore", store);
        context.getRegistry().bind("noticeQueries", new NoticeQueries(database.dataSource()));
        context.getRegistry().bind("bulletinPdfs", new BulletinPdfs(database.dataSource()));
        StepTimes times = new StepTimes();
        context.getRegistry().bind("stepTimes", times);
        context.addService(closing("step times", () -> LOG.info("Ingest step times since start: {}", times)), true, true);
        context.getRegistry().bind("ingestSteps", new IngestSteps(pipeline(context, settings, times), store, times));
        SmtpSettings smtp = new SmtpSettings(settings.text("bulletin.smtp.host"), settings.number("bulletin.smtp.port", 25),
                settings.text("bulletin.smtp.user"), settings.text("bulletin.smtp.password"),
                settings.flag("bulletin.smtp.tls"), settings.text("bulletin.mail.from", "bulletin-ingest@localhost"));
        context.getRegistry().bind("outbox", outbox);
        context.getRegistry().bind("outboxSender", new OutboxSender(outbox, smtp, dataDir.resolve("sent")));
        LOG.info("Copies of sent digests are written as .eml under {}", dataDir.resolve("sent").toAbsolutePath());
        bindFolderIntake(context, settings, database, dataDir);
    }

    /**
     * The beans of routes/inbox-folder.yaml: inboxEntryFilter, inboxClaims (the shared read lock), inboxFolder (its
     * failures counted per content against bulletin.max-attempts), inboxMoveFailures. Creates .done now: instances
     * creating it at the same moment would fail each other's move (.failed is created before a file is set aside).
     */
    private static void bindFolderIntake(CamelContext context, Settings settings, Database database, Path dataDir)
            throws IOException {
        Files.createDirectories(settings.path("bulletin.inbox", "inbox").resolve(".done"));
        UnsettledFiles unsettled = new UnsettledFiles(Duration.ofMillis(settings.number("bulletin.inbox.settle-time", 60_000)));
        context.getRegistry().bind("inboxEntryFilter", new InboxEntryFilter(unsettled));
        context.getRegistry().bind("inboxClaims", ClaimRepository.afterEarlierRuns(new FileClaims(database.dataSource(),
                Duration.ofMillis(settings.number("bulletin.inbox.claim-expiry", 600_000)), claimant(dataDir))));
        context.getRegistry().bind("inboxFolder", new FolderIntake(unsettled, new IntakeAttempts(database.dataSource()),
                settings.number("bulletin.max-attempts", 3)));
        context.getRegistry().bind("inboxMoveFailures", new MoveFailureLog());
    }

    /**
     * {@code host:<data-dir>}: the same for every run of an instance (each instance has its own data dir), so a start
     * can give up the claims its previous run left when it was killed, instead of waiting for them to expire.
     */
    private static String claimant(Path dataDir) {
        String runtime = ManagementFactory.getRuntimeMXBean().getName();
        return runtime.substring(runtime.indexOf('@') + 1) + ":" + dataDir.toAbsolutePath().normalize();
    }

    /**
     * Tag rules re-read when the tags file changes (which must exist), bound as {@code tagRules} for the console's
     * rules page; HanLP keywords (timed) unless switched off.
     */
    private static Pipeline pipeline(CamelContext context, Settings settings, StepTimes times) throws Exception {
        boolean keywords = !"false".equalsIgnoreCase(settings.text(Enricher.KEYWORDS_ENABLED_PROPERTY));
        ReloadingConfig<TagRules> rules = new ReloadingConfig<>(settings.path(Enricher.TAGS_FILE_PROPERTY,
                "config/tags.yaml"), TagRules::parse);
        context.getRegistry().bind("tagRules", rules);
        return Pipeline.of(Pipeline.categories(settings.path("bulletin.categories-file", "config/categories.yaml")),
                rules, keywords
                        ? new TimedKeywordExtractor(settings.number(Enricher.KEYWORDS_COUNT_PROPERTY,
                                Enricher.DEFAULT_KEYWORD_COUNT), times)
                        : null, pageOcr(context, settings));
    }

    /** OCR of scanned pages on its own pool (stopped with Camel); null when {@code bulletin.ocr.enabled=false}. */
    private static PageOcr pageOcr(CamelContext context, Settings settings) throws Exception {
        OcrSettings ocr = new OcrSettings(!"false".equalsIgnoreCase(settings.text("bulletin.ocr.enabled")),
                settings.number("bulletin.ocr.threads", OcrSettings.DEFAULTS.threads()),
                settings.number("bulletin.ocr.dpi", OcrSettings.DEFAULTS.dpi()),
                Duration.ofSeconds(settings.number("bulletin.ocr.page-timeout", (int) OcrSettings.DEFAULTS.pageTimeout().toSeconds())));
        if (!ocr.enabled()) {
            LOG.info("OCR of scanned bulletins is off (bulletin.ocr.enabled=false)");
            return null;
        }
        PageOcr pageOcr = new PageOcr(ocr);
        context.addService(closing("OCR pool", pageOcr), true, true);
        return pageOcr;
    }

    /**
     * Starts GreenMail for whichever of SMTP and IMAP has no host configured (only that one: an external server may
     * use the other's port): SMTP with a mailbox per owner, IMAP with the intake mailbox. Points the
     * {@code bulletin.smtp.*} / {@code bulletin.imap.*} properties at it. The mailboxes' password is
     * {@code bulletin.embedded-mail.password}, or else one generated into {@code <data-dir>/mail-password}.
     */
    private static EmbeddedMailServer startEmbeddedMail(CamelContext context, Settings settings, Path dataDir,
                                                        Owners owners) throws Exception {
        boolean smtp = settings.isEmpty("bulletin.smtp.host");
        boolean imap = settings.isEmpty("bulletin.imap.host");
        String intake = settings.text("bulletin.imap.user", "bulletins@localhost");
        String password = settings.text("bulletin.embedded-mail.password");
        String passwordSource = "bulletin.embedded-mail.password";
        if (password.isEmpty()) {
            Path file = dataDir.resolve("mail-password");
            password = PasswordFile.readOrCreate(file);
            passwordSource = "the file " + file.toAbsolutePath();
        }
        Set<String> mailboxes = new LinkedHashSet<>();
        if (smtp) {
            mailboxes.addAll(owners.addresses());
        }
        if (imap) {
            mailboxes.add(intake);
        }
        EmbeddedMailServer mail = new EmbeddedMailServer(
                settings.text("bulletin.embedded-mail.bind-address", "127.0.0.1"), password, mailboxes,
                dataDir.resolve("mail"));
        if (smtp) {
            mail.withSmtp(settings.number("bulletin.smtp.port", 3025));
        }
        if (imap) {
            mail.withImap(settings.number("bulletin.imap.port", 3143));
        }
        mail.start(); // now: its ports go into the properties the routes read
        context.addService(mail, true, false);
        context.getRegistry().bind("embeddedMailServer", mail);
        if (smtp) {
            settings.override("bulletin.smtp.host", mail.host());
            settings.override("bulletin.smtp.port", String.valueOf(mail.smtpPort()));
        }
        if (imap) {
            settings.override("bulletin.imap.host", mail.host());
            settings.override("bulletin.imap.port", String.valueOf(mail.imapPort()));
            settings.override("bulletin.imap.user", intake);
            settings.override("bulletin.imap.password", password);
            LOG.info("Embedded mail server: log in over IMAP at {}:{} with a mailbox's address and the password in {}",
                    mail.host(), mail.imapPort(), passwordSource);
        }
        return mail;
    }

    /** Lets Camel close a resource when it shuts down, after the routes that use it have stopped. */
    private static ServiceSupport closing(String name, AutoCloseable resource) {
        return new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                LOG.debug("Closing {}", name);
                resource.close();
            }
        };
    }
}
