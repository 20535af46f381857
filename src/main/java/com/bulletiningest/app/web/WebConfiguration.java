package com.bulletiningest.app.web;

import java.nio.file.Path;
import java.time.Clock;

import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.extract.OcrProgress;
import com.bulletiningest.intake.mail.FailedMailRetry;
import com.bulletiningest.notify.CalendarTokens;
import com.bulletiningest.notify.ChannelOutbox;
import com.bulletiningest.notify.DeadlineCalendar;
import com.bulletiningest.notify.DigestComposer;
import com.bulletiningest.intake.mail.IntakeMailbox;
import com.bulletiningest.notify.DigestQueries;
import com.bulletiningest.notify.Outbox;
import com.bulletiningest.notify.Owners;
import com.bulletiningest.notify.SmtpSettings;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.intake.IntakeAttempts;
import com.bulletiningest.store.intake.MailMessages;
import com.bulletiningest.store.read.ArchiveFigures;
import com.bulletiningest.store.read.BulletinQueries;
import com.bulletiningest.store.read.NoticeQueries;
import com.bulletiningest.store.read.NoticeSearch;
import com.bulletiningest.store.read.TaggedNotices;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Registry;

/**
 * The console's beans for routes/web.yaml ({@code webApi}, {@code rulesApi}, {@code ownersApi}, {@code webAssets},
 * {@code apiDocs}), the product metrics ({@code ingestMetrics}) and the health checks (database, web pool, SMTP) of
 * {@code /observe}; the {@link RequestGate} in front of them all. Refuses to start a server reachable beyond loopback
 * without an admin password ({@link WebExposure}).
 */
public class WebConfiguration implements CamelConfiguration {

    /**
     * Bound at start, so that a console beyond loopback without an admin password stops the start. Whether it is
     * beyond loopback is decided by the address the HTTP server binds: {@code camel.server.host}, which
     * {@code bulletin.http.bind-address} sets by default and {@code CAMEL_SERVER_HOST} overrides ({@link WebExposure}).
     */
    @BindToRegistry
    public AdminGuard adminGuard(@PropertyInject("camel.server.host") String host,
                                 @PropertyInject("camel.server.port") int port,
                                 @PropertyInject("bulletin.admin-password") String password) {
        return new AdminGuard(password, WebExposure.of(host, port, !password.isEmpty()),
                new LoginThrottle(Clock.systemUTC()));
    }

    /** Nothing of a request but its path parameters becomes a Camel header (camel.rest.endpoint-properties). */
    @BindToRegistry
    public RequestHeaderFilter webHeaderFilter() {
        return new RequestHeaderFilter();
    }

    /**
     * The front door ({@link RequestGate}) on the HTTP server, installed before the server listens, and the web pool's
     * readiness check, which reports the gate's API permits too. Run once every configuration has bound its beans:
     * the admin guard is this one's, the database another's. The gate is made here, not as a bean, because it must be
     * on the server before Camel starts it, which is before any bean a route needs is made.
     */
    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        AdminGuard guard = registry.findSingleByType(AdminGuard.class);
        WebExposure exposure = guard.exposure();
        ConsolePort.awaitFree(exposure.host(), exposure.port());
        RequestGate gate = new RequestGate(guard, exposure.loopback() ? RequestGate.loopbackHosts(
                context.getPropertiesComponent().resolveProperty("bulletin.public-url").orElse("")) : null,
                2 * Database.WEB_CONNECTIONS);
        RequestGateInstaller.install(context, gate, exposure);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (!exposure.loopback()) {
            health.setExposureLevel("oneline"); // the open /observe/health says UP or DOWN only
        }
        Database database = registry.findSingleByType(Database.class);
        health.register(new WebPoolHealthCheck(database::webPoolState, gate));
    }

    /** Readiness in /observe/health: Camel's registry repository finds every HealthCheck bean. */
    @BindToRegistry(lazy = true)
    public DatabaseHealthCheck databaseHealth(@BeanInject Database database) {
        return new DatabaseHealthCheck(database.dataSource());
    }

    /** Readiness in /observe/health: the SMTP server the digests go to (the embedded one's, when it runs). */
    @BindToRegistry(lazy = true)
    public SmtpHealthCheck smtpHealth(@BeanInject SmtpSettings smtp) {
        return new SmtpHealthCheck(smtp.host(), smtp.port());
    }

    // the console's beans read through the web pool (Database.webDataSource): no number of web requests can take the
    // connections ingest and the outbox need

    /** The files set aside in {@code <inbox>/.failed}. */
    @BindToRegistry(lazy = true)
    public FailedFiles failedFiles(@PropertyInject("bulletin.inbox") String inbox) {
        return new FailedFiles(Path.of(inbox));
    }

    /** The intake mailbox as routes/inbox-mail.yaml reads it (the embedded server's, once it runs). */
    @BindToRegistry(lazy = true)
    public FailedMailRetry failedMailRetry(@BeanInject IntakeMailbox mailbox, @BeanInject Database database) {
        return new FailedMailRetry(mailbox, new MailMessages(database.webDataSource()),
                new IntakeAttempts(database.webDataSource()));
    }

    @BindToRegistry(lazy = true)
    public DigestQueries digestQueries(@BeanInject Database database) {
        return new DigestQueries(database.webDataSource());
    }

    @BindToRegistry(lazy = true)
    public WebApi webApi(@BeanInject Database database, @BeanInject DigestQueries digests,
                         @BeanInject FailedFiles failedFiles, @BeanInject FailedMailRetry failedMails,
                         @BeanInject Outbox outbox, @BeanInject AdminGuard guard, @BeanInject OcrProgress ocrProgress) {
        return new WebApi(new NoticeSearch(database.webDataSource()), new NoticeQueries(database.webDataSource()),
                new BulletinQueries(database.webDataSource()), digests, failedFiles, failedMails, outbox,
                Clock.systemDefaultZone(), guard, ocrProgress);
    }

    /** The rules page over the tag rules the service enriches with. */
    @BindToRegistry(lazy = true)
    public RulesApi rulesApi(@BeanInject("tagRules") ReloadingConfig<TagRules> rules, @BeanInject Database database,
                             @BeanInject AdminGuard guard) {
        return new RulesApi(rules, new NoticeQueries(database.webDataSource()), new TaggedNotices(database.webDataSource()),
                guard);
    }

    /**
     * The owners (admin), their calendars by token (deadlines from {@code bulletin.calendar.past-days} days ago on),
     * and the channel messages; calendar addresses under {@code bulletin.public-url}, relative when it is not set. The
     * secrets' variables are only asked whether set.
     */
    @BindToRegistry(lazy = true)
    public OwnersApi ownersApi(@BeanInject("owners") ReloadingConfig<Owners> owners, @BeanInject Database database,
                               @BeanInject DigestComposer composer, @BeanInject ChannelOutbox channels,
                               @BeanInject AdminGuard guard, @PropertyInject("bulletin.calendar.past-days") int pastDays) {
        return new OwnersApi(owners, new CalendarTokens(database.webDataSource()),
                new DeadlineCalendar(composer, pastDays, Clock.systemDefaultZone()),
                new NoticeQueries(database.webDataSource()), channels, System::getenv,
                composer.console() == null ? "" : composer.console(), guard);
    }

    /** Product figures, in the registry camel-micrometer-prometheus serves at {@code /observe/metrics}. */
    @BindToRegistry(lazy = true)
    public BulletinMetrics ingestMetrics(MeterRegistry metrics, @BeanInject Database database,
                                         @BeanInject DigestQueries digests, @BeanInject ChannelOutbox channels,
                                         @BeanInject FailedFiles failedFiles) {
        return new BulletinMetrics(metrics, new ArchiveFigures(database.webDataSource()), digests, channels, failedFiles);
    }

    @BindToRegistry(lazy = true)
    public WebAssets webAssets(@BeanInject AdminGuard guard) {
        return new WebAssets(guard);
    }

    @BindToRegistry(lazy = true)
    public GuardedApiDocs apiDocs(@BeanInject AdminGuard guard) {
        return new GuardedApiDocs(guard);
    }
}
