package com.bulletiningest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import com.bulletiningest.extract.PdfExtractor;
import com.bulletiningest.notify.DigestComposer;
import com.bulletiningest.notify.OutboxSender;
import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.Enricher;
import com.bulletiningest.notify.Owners;
import com.bulletiningest.notify.SmtpSettings;
import com.bulletiningest.split.BulletinSplitter;
import com.bulletiningest.split.Categories;
import com.bulletiningest.store.BulletinPdfs;
import com.bulletiningest.store.BulletinStore;
import com.bulletiningest.store.Database;
import com.bulletiningest.store.NoticeQueries;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the beans the routes call, from the {@code bulletin.*} properties, and binds them by name:
 * {@code ingestSteps}, {@code bulletinStore}, {@code noticeQueries}, {@code bulletinPdfs}, {@code outboxSender}, {@code database} and, when it runs,
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
        if (settings.isEmpty("bulletin.smtp.host") || settings.isEmpty("bulletin.imap.host")) {
            EmbeddedMailServer mail = startEmbeddedMail(context, settings, ownersFile.get());
            // an owner added while running gets a mailbox like the others before its first digest is queued
            owners = () -> {
                Owners current = ownersFile.get();
                mail.addMailboxes(current.addresses());
                return current;
            };
        }

        Database database = new Database(settings.text("bulletin.db.url"), settings.text("bulletin.db.user"),
                settings.text("bulletin.db.password"), dataDir, settings.number("bulletin.db.embedded-port", 0),
                Duration.ofMillis(settings.number("bulletin.db.connection-timeout",
                        (int) Database.DEFAULT_CONNECTION_TIMEOUT.toMillis())));
        context.addService(closing("database", database), true, true);
        context.getRegistry().bind("database", database);

        BulletinStore store = new BulletinStore(database.dataSource(), owners, new DigestComposer());
        context.getRegistry().bind("bulletinStore", store);
        context.getRegistry().bind("noticeQueries", new NoticeQueries(database.dataSource()));
        context.getRegistry().bind("bulletinPdfs", new BulletinPdfs(database.dataSource()));
        context.getRegistry().bind("ingestSteps",
                new IngestSteps(new PdfExtractor(), new BulletinSplitter(categories(settings)), enricher(settings), store));
        SmtpSettings smtp = new SmtpSettings(settings.text("bulletin.smtp.host"), settings.number("bulletin.smtp.port", 25),
                settings.text("bulletin.smtp.user"), settings.text("bulletin.smtp.password"),
                settings.flag("bulletin.smtp.tls"), settings.text("bulletin.mail.from", "bulletin-ingest@localhost"));
        context.getRegistry().bind("outboxSender", new OutboxSender(database.dataSource(), smtp, dataDir.resolve("sent")));
        LOG.info("Copies of sent digests are written as .eml under {}", dataDir.resolve("sent").toAbsolutePath());
    }

    /** Tag rules re-read when the tags file changes; HanLP keywords unless switched off. */
    private static Enricher enricher(Settings settings) throws ConfigException {
        return Enricher.create(settings.path(Enricher.TAGS_FILE_PROPERTY, "config/tags.yaml"),
                !"false".equalsIgnoreCase(settings.text(Enricher.KEYWORDS_ENABLED_PROPERTY)),
                settings.number(Enricher.KEYWORDS_COUNT_PROPERTY, Enricher.DEFAULT_KEYWORD_COUNT));
    }

    private static Categories categories(Settings settings) {
        Path file = settings.path("bulletin.categories-file", "config/categories.yaml");
        return Files.exists(file) ? Categories.load(file) : Categories.defaults();
    }

    /**
     * Starts GreenMail for whichever of SMTP and IMAP has no host configured, with a mailbox per owner and one for
     * the intake address, and points the {@code bulletin.smtp.*} / {@code bulletin.imap.*} properties at it.
     */
    private static EmbeddedMailServer startEmbeddedMail(CamelContext context, Settings settings, Owners owners)
            throws Exception {
        String password = settings.text("bulletin.embedded-mail.password", "secret");
        Set<String> mailboxes = new LinkedHashSet<>(owners.addresses());
        mailboxes.add(settings.text("bulletin.imap.user", "bulletins@localhost"));
        EmbeddedMailServer mail = new EmbeddedMailServer(settings.text("bulletin.embedded-mail.bind-address", "127.0.0.1"),
                settings.number("bulletin.smtp.port", 3025), settings.number("bulletin.imap.port", 3143),
                password, mailboxes);
        mail.start(); // now: its ports go into the properties the routes read
        context.addService(mail, true, false);
        context.getRegistry().bind("embeddedMailServer", mail);
        if (settings.isEmpty("bulletin.smtp.host")) {
            settings.override("bulletin.smtp.host", mail.host());
            settings.override("bulletin.smtp.port", String.valueOf(mail.smtpPort()));
        }
        if (settings.isEmpty("bulletin.imap.host")) {
            settings.override("bulletin.imap.host", mail.host());
            settings.override("bulletin.imap.port", String.valueOf(mail.imapPort()));
            settings.override("bulletin.imap.user", settings.text("bulletin.imap.user", "bulletins@localhost"));
            settings.override("bulletin.imap.password", password);
        }
        LOG.info("Read the digests over IMAP at {}:{} (login = owner address, password '{}')",
                mail.host(), mail.imapPort(), password);
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
