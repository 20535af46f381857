package com.bulletiningest.app;

import java.nio.file.Path;
import java.util.Properties;

import javax.net.ssl.SSLSocketFactory;

import com.bulletiningest.intake.mail.DataSize;
import com.bulletiningest.intake.mail.IntakeMailbox;
import com.bulletiningest.intake.mail.MailIntake;
import com.bulletiningest.intake.mail.MailIntakeProcessor;
import com.bulletiningest.intake.mail.MailSessionProperties;
import com.bulletiningest.intake.mail.MailboxExceptionHandler;
import com.bulletiningest.intake.mail.MailboxIdleWatcher;
import com.bulletiningest.intake.mail.MailboxOutage;
import com.bulletiningest.intake.mail.MailboxPollLock;
import com.bulletiningest.intake.mail.MailboxScheduler;
import com.bulletiningest.intake.mail.PdfAttachmentFinder;
import com.bulletiningest.intake.mail.PrefetchingUidGenerator;
import com.bulletiningest.intake.mail.SenderPolicy;
import com.bulletiningest.intake.mail.TrustedCertificates;
import com.bulletiningest.store.db.AdvisoryLock;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.intake.IntakeAttempts;
import com.bulletiningest.store.intake.MailMessages;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beans of routes/inbox-mail.yaml ({@code mailIntake}, {@code intakeMailProperties}, {@code mailboxPollLock},
 * {@code mailboxExceptionHandler}, {@code mailboxScheduler}, {@code prefetchingUidGenerator}) and {@code intakeMailbox}
 * (also the console's Retry) from the {@code bulletin.mail.*} and {@code bulletin.imap.*} properties, and
 * {@code bulletin.imap.protocol} ({@code imaps} when {@code bulletin.imap.tls=true}), which the route reads.
 */
public class MailIntakeConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntakeConfiguration.class);

    @PropertyInject("bulletin.imap.tls")
    private boolean tls;

    @Override
    public void configure(CamelContext context) {
        context.getPropertiesComponent().addOverrideProperty("bulletin.imap.protocol", tls ? "imaps" : "imap");
    }

    /** The intake mailbox as the route reads it (the embedded server's, once it runs), with its TLS (IMAPS or STARTTLS). */
    @BindToRegistry(lazy = true)
    public IntakeMailbox intakeMailbox(@PropertyInject("bulletin.imap.protocol") String protocol,
                                       @PropertyInject("bulletin.imap.host") String host,
                                       @PropertyInject("bulletin.imap.port") int port,
                                       @PropertyInject("bulletin.imap.user") String user,
                                       @PropertyInject("bulletin.imap.password") String password,
                                       @PropertyInject("bulletin.imap.folder") String folder,
                                       @PropertyInject("bulletin.imap.starttls") boolean startTls,
                                       @PropertyInject("bulletin.imap.trust-store") String trustStore,
                                       @PropertyInject("bulletin.imap.trust-store-password") String trustStorePassword) {
        SSLSocketFactory trust = trustStore == null || trustStore.isBlank() ? null
                : TrustedCertificates.load(Path.of(trustStore.strip()), trustStorePassword);
        return new IntakeMailbox(protocol, host, port, user, password, folder, MailSessionProperties.of(trust, startTls));
    }

    /** One WARN line per outage of the mailbox, whoever notices it. */
    @BindToRegistry(lazy = true)
    public MailboxOutage mailboxOutage(@BeanInject IntakeMailbox mailbox) {
        return new MailboxOutage(mailbox);
    }

    @BindToRegistry(lazy = true)
    public MailIntakeProcessor mailIntake(@PropertyInject("bulletin.mail.allowed-senders") String allowedSenders,
                                          @PropertyInject("bulletin.mail.max-attachment-size") String maxAttachment,
                                          @PropertyInject("bulletin.mail.max-message-size") String maxMessage,
                                          @PropertyInject("bulletin.max-attempts") int maxAttempts,
                                          @PropertyInject("bulletin.imap.user") String mailbox,
                                          @BeanInject Database database, @BeanInject MailboxOutage outage,
                                          CamelContext context) {
        SenderPolicy senders = SenderPolicy.parse(allowedSenders);
        if (senders.allowsEveryone()) {
            LOG.warn("bulletin.mail.allowed-senders is empty: PDFs mailed by anyone to {} are ingested", mailbox);
        }
        MailIntake intake = new MailIntake(senders, new PdfAttachmentFinder(DataSize.parse(maxAttachment)),
                new MailMessages(database.dataSource()), new IntakeAttempts(database.dataSource()),
                new MailIntake.Limits(DataSize.parse(maxMessage), maxAttempts));
        return new MailIntakeProcessor(intake, outage, context);
    }

    /** Bodies fetched whole, timeouts, the trust store: see {@link MailSessionProperties}. */
    @BindToRegistry(lazy = true)
    public Properties intakeMailProperties(@BeanInject IntakeMailbox mailbox) {
        return mailbox.sessionProperties();
    }

    /** A poll's headers, sizes and flags in one FETCH: see {@link PrefetchingUidGenerator}. */
    @BindToRegistry(lazy = true)
    public PrefetchingUidGenerator prefetchingUidGenerator() {
        return new PrefetchingUidGenerator();
    }

    /** One instance at a time polls the intake mailbox; a failed poll goes to the outage's one line. */
    @BindToRegistry(lazy = true)
    public MailboxPollLock mailboxPollLock(@BeanInject Database database, @BeanInject MailboxOutage outage) {
        return new MailboxPollLock(new AdvisoryLock(database.dataSource(), "intake mailbox"), outage);
    }

    @BindToRegistry(lazy = true)
    public MailboxExceptionHandler mailboxExceptionHandler(@BeanInject MailboxOutage outage) {
        return new MailboxExceptionHandler(outage);
    }

    /**
     * Polls every poll-delay, again soon after a poll that left work, and, unless {@code bulletin.imap.idle=false}, at
     * once when IMAP IDLE announces mail.
     */
    @BindToRegistry(lazy = true)
    public MailboxScheduler mailboxScheduler(@PropertyInject("bulletin.imap.idle") boolean idle,
                                             @BeanInject IntakeMailbox mailbox, @BeanInject MailboxOutage outage,
                                             @BeanInject MailboxPollLock pollLock) {
        return new MailboxScheduler(idle ? new MailboxIdleWatcher(mailbox, outage) : null, pollLock);
    }
}
