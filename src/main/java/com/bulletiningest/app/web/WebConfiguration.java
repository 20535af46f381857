package com.bulletiningest.app.web;

import java.time.Clock;

import javax.sql.DataSource;

import com.bulletiningest.app.Settings;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.intake.mail.FailedMailRetry;
import com.bulletiningest.notify.DigestQueries;
import com.bulletiningest.notify.Outbox;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.intake.IntakeAttempts;
import com.bulletiningest.store.intake.MailMessages;
import com.bulletiningest.store.read.ArchiveFigures;
import com.bulletiningest.store.read.BulletinQueries;
import com.bulletiningest.store.read.NoticeQueries;
import com.bulletiningest.store.read.NoticeSearch;
import com.bulletiningest.store.read.TaggedNotices;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * The console's beans for routes/web.yaml ({@code webApi}, {@code webAssets}), over the database bound by
 * {@code BulletinServiceConfiguration}; the health checks (database, SMTP) and product metrics ({@code ingestMetrics})
 * of {@code /observe}; the {@link RequestGate} in front of them all. Refuses to start a server reachable beyond loopback
 * without an admin password ({@link WebExposure}).
 */
public class WebConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = new Settings(context);
        String password = settings.text("bulletin.admin-password");
        // the server's own address and port, whichever property set them (camel.server.host is bulletin.http.*'s by
        // default, CAMEL_SERVER_HOST overrides it)
        WebExposure exposure = WebExposure.of(context.resolvePropertyPlaceholders("{{camel.server.host:0.0.0.0}}"),
                Integer.parseInt(context.resolvePropertyPlaceholders("{{camel.server.port:8080}}")),
                !password.isEmpty());
        AdminGuard guard = new AdminGuard(password, exposure.loopback(), new LoginThrottle(Clock.systemUTC()));
        RequestGate gate = new RequestGate(guard, exposure.loopback()
                ? RequestGate.loopbackHosts(settings.text("bulletin.public-url")) : null, 2 * Database.WEB_CONNECTIONS);
        context.addLifecycleStrategy(new RequestGateInstaller(gate, exposure));
        context.getRegistry().bind("webHeaderFilter", new RequestHeaderFilter());
        if (!exposure.loopback()) {
            // the open /observe/health says UP or DOWN only
            HealthCheckRegistry.get(context).setExposureLevel("oneline");
        }
        Database database = context.getRegistry().lookupByNameAndType("database", Database.class);
        // the console's own connections: no number of web requests can take those of ingest and the outbox
        DataSource dataSource = database.webDataSource();
        FailedFiles failedFiles = new FailedFiles(settings.path("bulletin.inbox", "inbox"));
        // the intake mailbox as routes/inbox-mail.yaml reads it (the embedded server's, once it was started)
        FailedMailRetry failedMails = new FailedMailRetry(new FailedMailRetry.Mailbox(
                settings.text("bulletin.imap.protocol", "imap"), settings.text("bulletin.imap.host"),
                settings.number("bulletin.imap.port", 143), settings.text("bulletin.imap.user"),
                settings.text("bulletin.imap.password"), settings.text("bulletin.imap.folder", "INBOX")),
                new MailMessages(dataSource), new IntakeAttempts(dataSource));
        DigestQueries digests = new DigestQueries(dataSource);
        context.getRegistry().bind("webApi", new WebApi(new NoticeSearch(dataSource), new NoticeQueries(dataSource),
                new BulletinQueries(dataSource), digests, failedFiles, failedMails,
                context.getRegistry().lookupByNameAndType("outbox", Outbox.class), Clock.systemDefaultZone(), guard));
        context.getRegistry().bind("rulesApi", new RulesApi(tagRules(context), new NoticeQueries(dataSource),
                new TaggedNotices(dataSource), guard));
        // camel-micrometer-prometheus serves the registry bound as metricsRegistry at /observe/metrics; it may have
        // created it already
        MeterRegistry metrics = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (metrics == null) {
            metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            context.getRegistry().bind("metricsRegistry", metrics);
        }
        context.getRegistry().bind("ingestMetrics", new BulletinMetrics(metrics, new ArchiveFigures(dataSource),
                digests, failedFiles));
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.register(new DatabaseHealthCheck(database.dataSource()));
        health.register(new WebPoolHealthCheck(database::webPoolState, gate));
        health.register(new SmtpHealthCheck(settings.text("bulletin.smtp.host"),
                settings.number("bulletin.smtp.port", 25)));
        context.getRegistry().bind("webAssets", new WebAssets(guard));
        context.getRegistry().bind("apiDocs", new GuardedApiDocs(guard));
    }

    /** The tag rules the service enriches with, bound by {@code BulletinServiceConfiguration}. */
    @SuppressWarnings("unchecked")
    private static ReloadingConfig<TagRules> tagRules(CamelContext context) {
        return context.getRegistry().lookupByNameAndType("tagRules", ReloadingConfig.class);
    }
}
