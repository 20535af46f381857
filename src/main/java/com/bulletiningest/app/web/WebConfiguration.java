package com.bulletiningest.app.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import javax.sql.DataSource;

import com.bulletiningest.app.Settings;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.intake.mail.FailedMailRetry;
import com.bulletiningest.notify.DigestQueries;
import com.bulletiningest.notify.CalendarTokens;
import com.bulletiningest.notify.ChannelOutbox;
import com.bulletiningest.notify.DeadlineCalendar;
import com.bulletiningest.notify.DigestComposer;
import com.bulletiningest.notify.Outbox;
import com.bulletiningest.notify.Owners;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's beans for routes/web.yaml ({@code webApi}, {@code webAssets}), over the database bound by
 * {@code BulletinServiceConfiguration}; the health checks (database, SMTP) and product metrics ({@code ingestMetrics})
 * of {@code /observe}. Refuses to start a server reachable beyond loopback without an admin password.
 */
public class WebConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WebConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = new Settings(context);
        String address = settings.text("bulletin.http.bind-address", "127.0.0.1");
        AdminGuard guard = new AdminGuard(settings.text("bulletin.admin-password"), loopback(address));
        if (!loopback(address) && !guard.configured()) {
            throw new IllegalStateException("refusing to serve the console on " + address + ": beyond loopback it "
                    + "needs an admin password; set BULLETIN_ADMIN_PASSWORD, or bulletin.http.bind-address=127.0.0.1");
        }
        DataSource dataSource = context.getRegistry().lookupByNameAndType("database", Database.class).dataSource();
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
        DigestComposer composer = context.getRegistry().lookupByNameAndType("digestComposer", DigestComposer.class);
        ChannelOutbox channels = context.getRegistry().lookupByNameAndType("channelOutbox", ChannelOutbox.class);
        context.getRegistry().bind("ownersApi", new OwnersApi(owners(context), new CalendarTokens(dataSource),
                new DeadlineCalendar(composer), new NoticeQueries(dataSource), channels, System::getenv,
                composer.console() == null ? "" : composer.console(), guard));
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
                digests, channels, failedFiles));
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.register(new DatabaseHealthCheck(dataSource));
        health.register(new SmtpHealthCheck(settings.text("bulletin.smtp.host"),
                settings.number("bulletin.smtp.port", 25)));
        context.getRegistry().bind("webAssets", new WebAssets(guard));
        context.getRegistry().bind("apiDocs", new GuardedApiDocs(guard));
        LOG.info("Console at http://{}:{}/ ({})", address, settings.text("bulletin.http.port"),
                guard.configured() ? "actions need the admin password" : "read only: set BULLETIN_ADMIN_PASSWORD "
                        + "to enable retry and resend");
    }

    /** The owners file as last loaded, bound by {@code BulletinServiceConfiguration}. */
    @SuppressWarnings("unchecked")
    private static ReloadingConfig<Owners> owners(CamelContext context) {
        return context.getRegistry().lookupByNameAndType("owners", ReloadingConfig.class);
    }

    /** The tag rules the service enriches with, bound by {@code BulletinServiceConfiguration}. */
    @SuppressWarnings("unchecked")
    private static ReloadingConfig<TagRules> tagRules(CamelContext context) {
        return context.getRegistry().lookupByNameAndType("tagRules", ReloadingConfig.class);
    }

    private static boolean loopback(String address) throws UnknownHostException {
        return InetAddress.getByName(address).isLoopbackAddress();
    }
}
