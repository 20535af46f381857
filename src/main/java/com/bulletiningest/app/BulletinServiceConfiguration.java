package com.bulletiningest.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.ingest.IngestSteps;
import com.bulletiningest.ingest.Pipeline;
import com.bulletiningest.ingest.StepTimes;
import com.bulletiningest.ingest.TimedKeywordExtractor;
import com.bulletiningest.notify.ChannelOutbox;
import com.bulletiningest.notify.ChannelSender;
import com.bulletiningest.notify.DigestComposer;
import com.bulletiningest.notify.Outbox;
import com.bulletiningest.notify.OutboxSender;
import com.bulletiningest.extract.OcrProgress;
import com.bulletiningest.extract.OcrSettings;
import com.bulletiningest.extract.PageOcr;
import com.bulletiningest.notify.Owners;
import com.bulletiningest.notify.SmtpSettings;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.write.BulletinPdfs;
import com.bulletiningest.store.write.BulletinStore;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database, the ingest steps, the outbox and the channel outbox with their senders, each made by a factory method from the
 * {@code bulletin.*} properties and the beans it needs. The database is made at start (an embedded one is started
 * then); the others, bound lazily, when a route first needs them, so no factory depends on the order in which Camel
 * calls them. Camel closes the database after the routes have stopped.
 */
public class BulletinServiceConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BulletinServiceConfiguration.class);

    /** The configured PostgreSQL, or an embedded one under {@code <data-dir>/postgres} when no URL is set. */
    @BindToRegistry
    public Database database(@PropertyInject("bulletin.db.url") String url,
                             @PropertyInject("bulletin.db.user") String user,
                             @PropertyInject("bulletin.db.password") String password,
                             @PropertyInject("bulletin.data-dir") String dataDir,
                             @PropertyInject("bulletin.db.embedded-port") int embeddedPort,
                             @PropertyInject("bulletin.db.connection-timeout") long connectionTimeout,
                             CamelContext context) throws Exception {
        Database database = new Database(url, user, password, Path.of(dataDir), embeddedPort,
                Duration.ofMillis(connectionTimeout));
        context.addService(closing("database", database), true, true);
        return database;
    }

    /** The tag rules, re-read when the tags file (which must exist) changes; the console's rules page reads them too. */
    @BindToRegistry(lazy = true)
    public ReloadingConfig<TagRules> tagRules(@PropertyInject("bulletin.tags-file") String file) throws ConfigException {
        return new ReloadingConfig<>(Path.of(file), TagRules::parse);
    }

    /** How long each ingest step took since start, logged when the service stops. */
    @BindToRegistry(lazy = true)
    public StepTimes stepTimes(CamelContext context) throws Exception {
        StepTimes times = new StepTimes();
        context.addService(closing("step times", () -> LOG.info("Ingest step times since start: {}", times)), true, true);
        return times;
    }

    /** The bulletins OCR is reading now, page by page: the pipeline reports, the console shows. */
    @BindToRegistry(lazy = true)
    public OcrProgress ocrProgress() {
        return new OcrProgress();
    }

    /**
     * Extract → split → enrich, with HanLP keywords (timed) unless switched off and OCR of scanned pages unless off;
     * categories re-read like the tags.
     */
    @BindToRegistry(lazy = true)
    public Pipeline pipeline(@PropertyInject("bulletin.categories-file") String categories,
                             @BeanInject("tagRules") ReloadingConfig<TagRules> rules,
                             @PropertyInject("bulletin.keywords.enabled") boolean keywords,
                             @PropertyInject("bulletin.keywords.count") int keywordCount,
                             @BeanInject StepTimes times, CamelContext context,
                             @PropertyInject("bulletin.ocr.enabled") boolean ocr,
                             @PropertyInject("bulletin.ocr.threads") int ocrThreads,
                             @PropertyInject("bulletin.ocr.dpi") int ocrDpi,
                             @PropertyInject("bulletin.ocr.page-timeout") int ocrPageTimeout,
                             @BeanInject OcrProgress progress) throws Exception {
        PageOcr pageOcr = null;
        if (ocr) {
            // its pool's threads start at the first scan; the models load then too
            pageOcr = new PageOcr(new OcrSettings(true, ocrThreads, ocrDpi, Duration.ofSeconds(ocrPageTimeout)), progress);
            context.addService(closing("OCR pool", pageOcr), true, true);
        } else {
            LOG.info("OCR of scanned bulletins is off (bulletin.ocr.enabled=false)");
        }
        return Pipeline.of(Pipeline.categories(Path.of(categories)), rules,
                keywords ? new TimedKeywordExtractor(keywordCount, times) : null, pageOcr);
    }

    /** The owners of {@code config/owners.yaml}, re-read when it changes (a broken edit keeps the previous ones). */
    @BindToRegistry(lazy = true)
    public ReloadingConfig<Owners> owners(@PropertyInject("bulletin.owners-file") String file) throws ConfigException {
        return new ReloadingConfig<>(Path.of(file), Owners::parse);
    }

    /** Writes the digests, mail and channel messages, linking notices to {@code bulletin.public-url} when set. */
    @BindToRegistry(lazy = true)
    public DigestComposer digestComposer(@PropertyInject("bulletin.public-url") String publicUrl) {
        return new DigestComposer(publicUrl);
    }

    /** Queues each bulletin's digests in the store's transaction. */
    @BindToRegistry(lazy = true)
    public Outbox outbox(@BeanInject Database database, @BeanInject("owners") ReloadingConfig<Owners> owners,
                         @BeanInject EmbeddedMail mail, @BeanInject DigestComposer composer) {
        return new Outbox(database.dataSource(), mail.withMailboxes(owners), composer);
    }

    /** Queues each bulletin's messages to the owners' group robots and web hooks in the store's transaction. */
    @BindToRegistry(lazy = true)
    public ChannelOutbox channelOutbox(@BeanInject Database database, @BeanInject("owners") ReloadingConfig<Owners> owners,
                                       @BeanInject DigestComposer composer) {
        return new ChannelOutbox(database.dataSource(), owners, composer);
    }

    @BindToRegistry(lazy = true)
    public BulletinStore bulletinStore(@BeanInject Database database, @BeanInject Outbox outbox,
                                       @BeanInject ChannelOutbox channels) {
        return new BulletinStore(database.dataSource(),
                (connection, bulletin) -> outbox.onStored(connection, bulletin) + channels.onStored(connection, bulletin));
    }

    @BindToRegistry(lazy = true)
    public BulletinPdfs bulletinPdfs(@BeanInject Database database) {
        return new BulletinPdfs(database.dataSource());
    }

    /** The steps of routes/ingest.yaml. */
    @BindToRegistry(lazy = true)
    public IngestSteps ingestSteps(@BeanInject Pipeline pipeline, @BeanInject BulletinStore store,
                                   @BeanInject StepTimes times) {
        return new IngestSteps(pipeline, store, times);
    }

    /** The digests' SMTP server (the embedded one's address once it runs). */
    @BindToRegistry(lazy = true)
    public SmtpSettings smtpSettings(@PropertyInject("bulletin.smtp.host") String host,
                                     @PropertyInject("bulletin.smtp.port") int port,
                                     @PropertyInject("bulletin.smtp.user") String user,
                                     @PropertyInject("bulletin.smtp.password") String password,
                                     @PropertyInject("bulletin.smtp.tls") boolean tls,
                                     @PropertyInject("bulletin.mail.from") String from) {
        return new SmtpSettings(host, port, user, password, tls, from);
    }

    /** Sends the queued digests (routes/notify.yaml), each also written as .eml under {@code <data-dir>/sent}. */
    @BindToRegistry(lazy = true)
    public OutboxSender outboxSender(@BeanInject Outbox outbox, @BeanInject SmtpSettings smtp,
                                     @PropertyInject("bulletin.data-dir") String dataDir) {
        Path sent = Path.of(dataDir, "sent");
        LOG.info("Copies of sent digests are written as .eml under {}", sent.toAbsolutePath());
        return new OutboxSender(outbox, smtp, sent);
    }

    /**
     * Posts the queued channel messages (routes/notify.yaml); the signing secrets come from the environment only
     * (owners.yaml names the variable).
     */
    @BindToRegistry(lazy = true)
    public ChannelSender channelSender(@BeanInject ChannelOutbox channels) {
        return new ChannelSender(channels, System::getenv, Clock.systemUTC());
    }

    /** Lets Camel close a resource when it shuts down, after the routes that use it have stopped. */
    static ServiceSupport closing(String name, AutoCloseable resource) {
        return new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                LOG.debug("Closing {}", name);
                resource.close();
            }
        };
    }
}
