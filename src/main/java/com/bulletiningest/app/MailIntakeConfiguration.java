package com.bulletiningest.app;

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
import com.bulletiningest.intake.mail.SenderPolicy;
import com.bulletiningest.intake.mail.TrustedCertificates;
import com.bulletiningest.store.db.AdvisoryLock;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.intake.IntakeAttempts;
import com.bulletiningest.store.intake.MailMessages;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds what routes/inbox-mail.yaml refers to, from the {@code bulletin.mail.*} and {@code bulletin.imap.*}
 * properties: {@code mailIntake} (its step), {@code mailboxPollLock}, {@code mailboxExceptionHandler}, {@code mailboxScheduler} (IDLE, unless
 * {@code bulletin.imap.idle=false}), {@code intakeMailProperties} (Jakarta Mail's, with the trust store of
 * {@code bulletin.imap.trust-store}); and {@code intakeMailbox} for the console's Retry. Derives
 * {@code bulletin.imap.protocol} ({@code imaps} when {@code bulletin.imap.tls=true}). Runs after the configuration that
 * binds {@code database} and points {@code bulletin.imap.*} at the embedded mail server.
 */
public class MailIntakeConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntakeConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        Settings settings = new Settings(context);
        settings.override("bulletin.imap.protocol", settings.flag("bulletin.imap.tls") ? "imaps" : "imap");
        SenderPolicy senders = SenderPolicy.parse(settings.text("bulletin.mail.allowed-senders"));
        if (senders.allowsEveryone()) {
            LOG.warn("bulletin.mail.allowed-senders is empty: PDFs mailed by anyone to {} are ingested",
                    settings.text("bulletin.imap.user"));
        }
        PdfAttachmentFinder finder = new PdfAttachmentFinder(
                DataSize.parse(settings.text("bulletin.mail.max-attachment-size", "20MB")));
        Database database = context.getRegistry().lookupByNameAndType("database", Database.class);
        MailIntake intake = new MailIntake(senders, finder, new MailMessages(database.dataSource()),
                new IntakeAttempts(database.dataSource()), new MailIntake.Limits(
                        DataSize.parse(settings.text("bulletin.mail.max-message-size", "100MB")),
                        settings.number("bulletin.max-attempts", 3)));
        IntakeMailbox mailbox = intakeMailbox(settings);
        MailboxOutage outage = new MailboxOutage(mailbox);
        context.getRegistry().bind("intakeMailbox", mailbox);
        context.getRegistry().bind("mailIntake", new MailIntakeProcessor(intake, outage, context));
        context.getRegistry().bind("intakeMailProperties", mailbox.sessionProperties());
        context.getRegistry().bind("mailboxPollLock",
                new MailboxPollLock(new AdvisoryLock(database.dataSource(), "intake mailbox"), outage));
        context.getRegistry().bind("mailboxExceptionHandler", new MailboxExceptionHandler(outage));
        context.getRegistry().bind("mailboxScheduler", new MailboxScheduler(
                settings.text("bulletin.imap.idle", "true").equals("false") ? null : new MailboxIdleWatcher(mailbox, outage)));
    }

    private static IntakeMailbox intakeMailbox(Settings settings) {
        SSLSocketFactory trust = settings.isEmpty("bulletin.imap.trust-store") ? null
                : TrustedCertificates.load(settings.path("bulletin.imap.trust-store", ""),
                        settings.text("bulletin.imap.trust-store-password"));
        return new IntakeMailbox(settings.text("bulletin.imap.protocol", "imap"), settings.text("bulletin.imap.host"),
                settings.number("bulletin.imap.port", 143), settings.text("bulletin.imap.user"),
                settings.text("bulletin.imap.password"), settings.text("bulletin.imap.folder", "INBOX"),
                MailSessionProperties.of(trust));
    }
}
