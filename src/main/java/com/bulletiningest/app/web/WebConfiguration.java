package com.bulletiningest.app.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;

import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.intake.mail.FailedMailRetry;
import com.bulletiningest.intake.mail.IntakeMailbox;
import com.bulletiningest.notify.DigestQueries;
import com.bulletiningest.notify.Outbox;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's beans for routes/web.yaml ({@code webApi}, {@code rulesApi}, {@code webAssets}, {@code apiDocs}),
 * the product metrics ({@code ingestMetrics}) and the health checks (database, SMTP) of {@code /observe}. Refuses to
 * start a server reachable beyond loopback without an admin password.
 */
public class WebConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WebConfiguration.class);

    /** Bound at start, so that a console beyond loopback without an admin password stops the start. */
    @BindToRegistry
    public AdminGuard adminGuard(@PropertyInject("bulletin.http.bind-address") String address,
                                 @PropertyInject("bulletin.http.port") int port,
                                 @PropertyInject("bulletin.admin-password") String password)
            throws UnknownHostException {
        boolean loopback = InetAddress.getByName(address).isLoopbackAddress();
        AdminGuard guard = new AdminGuard(password, loopback);
        if (!loopback && !guard.configured()) {
            throw new IllegalStateException("refusing to serve the console on " + address + ": beyond loopback it "
                    + "needs an admin password; set BULLETIN_ADMIN_PASSWORD, or bulletin.http.bind-address=127.0.0.1");
        }
        LOG.info("Console at http://{}:{}/ ({})", address, port, guard.configured()
                ? "actions need the admin password" : "read only: set BULLETIN_ADMIN_PASSWORD to enable retry and resend");
        return guard;
    }

    /**
     * The readiness checks of {@code /observe/health}. Registered once every configuration has bound its beans: the
     * database and the SMTP settings (the embedded server's, when it runs) come from other configurations.
     */
    @Override
    public void configure(CamelContext context) {
        Registry registry = context.getRegistry();
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.register(new DatabaseHealthCheck(registry.findSingleByType(Database.class).dataSource()));
        SmtpSettings smtp = registry.findSingleByType(SmtpSettings.class);
        health.register(new SmtpHealthCheck(smtp.host(), smtp.port()));
    }

    /** The files set aside in {@code <inbox>/.failed}. */
    @BindToRegistry(lazy = true)
    public FailedFiles failedFiles(@PropertyInject("bulletin.inbox") String inbox) {
        return new FailedFiles(Path.of(inbox));
    }

    /** The intake mailbox as routes/inbox-mail.yaml reads it (the embedded server's, once it runs). */
    @BindToRegistry(lazy = true)
    public FailedMailRetry failedMailRetry(@BeanInject IntakeMailbox mailbox, @BeanInject Database database) {
        return new FailedMailRetry(mailbox, new MailMessages(database.dataSource()), new IntakeAttempts(database.dataSource()));
    }

    @BindToRegistry(lazy = true)
    public DigestQueries digestQueries(@BeanInject Database database) {
        return new DigestQueries(database.dataSource());
    }

    @BindToRegistry(lazy = true)
    public WebApi webApi(@BeanInject Database database, @BeanInject DigestQueries digests,
                         @BeanInject FailedFiles failedFiles, @BeanInject FailedMailRetry failedMails,
                         @BeanInject Outbox outbox, @BeanInject AdminGuard guard) {
        return new WebApi(new NoticeSearch(database.dataSource()), new NoticeQueries(database.dataSource()),
                new BulletinQueries(database.dataSource()), digests, failedFiles, failedMails, outbox,
                Clock.systemDefaultZone(), guard);
    }

    /** The rules page over the tag rules the service enriches with. */
    @BindToRegistry(lazy = true)
    public RulesApi rulesApi(@BeanInject("tagRules") ReloadingConfig<TagRules> rules, @BeanInject Database database,
                             @BeanInject AdminGuard guard) {
        return new RulesApi(rules, new NoticeQueries(database.dataSource()), new TaggedNotices(database.dataSource()),
                guard);
    }

    /** Product figures, in the registry camel-micrometer-prometheus serves at {@code /observe/metrics}. */
    @BindToRegistry(lazy = true)
    public BulletinMetrics ingestMetrics(MeterRegistry metrics, @BeanInject Database database,
                                         @BeanInject DigestQueries digests, @BeanInject FailedFiles failedFiles) {
        return new BulletinMetrics(metrics, new ArchiveFigures(database.dataSource()), digests, failedFiles);
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
