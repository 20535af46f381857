package com.bulletiningest.app;

import java.util.Properties;

import com.bulletiningest.intake.mail.DataSize;
import com.bulletiningest.intake.mail.MailIntake;
import com.bulletiningest.intake.mail.MailIntakeProcessor;
import com.bulletiningest.intake.mail.MailboxPollLock;
import com.bulletiningest.intake.mail.PdfAttachmentFinder;
import com.bulletiningest.intake.mail.SenderPolicy;
import com.bulletiningest.store.db.AdvisoryLock;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.intake.IntakeAttempts;
import com.bulletiningest.store.intake.MailMessages;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@code mailIntake}, the step of routes/inbox-mail.yaml, from the {@code bulletin.mail.*} and
 * {@code bulletin.imap.*} properties, and derives {@code bulletin.imap.protocol} ({@code imaps} when
 * {@code bulletin.imap.tls=true}). Runs after the configuration that binds {@code database} and points
 * {@code bulletin.imap.*} at the embedded mail server.
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
        context.getRegistry().bind("mailIntake", new MailIntakeProcessor(intake, context));
        context.getRegistry().bind("intakeMailProperties", wholeMessageFetch());
        context.getRegistry().bind("mailboxPollLock", new MailboxPollLock(new AdvisoryLock(database.dataSource(), "intake mailbox")));
    }

    /**
     * Jakarta Mail fetches a message's body in 16 KB pieces by default, one server round trip each: a 270 KB bulletin
     * mail took 17 of them, and a server that answers each after TCP's delayed acknowledgement (the embedded one:
     * about 40 ms) made that most of a mail's second. The intake reads every message whole anyway.
     */
    private static Properties wholeMessageFetch() {
        Properties properties = new Properties();
        properties.put("mail.imap.partialfetch", "false");
        properties.put("mail.imaps.partialfetch", "false");
        return properties;
    }
}
