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
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beans of routes/inbox-mail.yaml ({@code mailIntake}, {@code intakeMailProperties}, {@code mailboxPollLock})
 * from the {@code bulletin.mail.*} and {@code bulletin.imap.*} properties, and {@code bulletin.imap.protocol}
 * ({@code imaps} when {@code bulletin.imap.tls=true}), which the route reads.
 */
public class MailIntakeConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntakeConfiguration.class);

    @PropertyInject("bulletin.imap.tls")
    private boolean tls;

    @Override
    public void configure(CamelContext context) {
        context.getPropertiesComponent().addOverrideProperty("bulletin.imap.protocol", tls ? "imaps" : "imap");
    }

    @BindToRegistry(lazy = true)
    public MailIntakeProcessor mailIntake(@PropertyInject("bulletin.mail.allowed-senders") String allowedSenders,
                                          @PropertyInject("bulletin.mail.max-attachment-size") String maxAttachment,
                                          @PropertyInject("bulletin.mail.max-message-size") String maxMessage,
                                          @PropertyInject("bulletin.max-attempts") int maxAttempts,
                                          @PropertyInject("bulletin.imap.user") String mailbox,
                                          @BeanInject Database database, CamelContext context) {
        SenderPolicy senders = SenderPolicy.parse(allowedSenders);
        if (senders.allowsEveryone()) {
            LOG.warn("bulletin.mail.allowed-senders is empty: PDFs mailed by anyone to {} are ingested", mailbox);
        }
        MailIntake intake = new MailIntake(senders, new PdfAttachmentFinder(DataSize.parse(maxAttachment)),
                new MailMessages(database.dataSource()), new IntakeAttempts(database.dataSource()),
                new MailIntake.Limits(DataSize.parse(maxMessage), maxAttempts));
        return new MailIntakeProcessor(intake, context);
    }

    /**
     * Jakarta Mail fetches a message's body in 16 KB pieces by default, one server round trip each: a 270 KB bulletin
     * mail took 17 of them, and a server that answers each after TCP's delayed acknowledgement (the embedded one:
     * about 40 ms) made that most of a mail's second. The intake reads every message whole anyway.
     */
    @BindToRegistry(lazy = true)
    public Properties intakeMailProperties() {
        Properties properties = new Properties();
        properties.put("mail.imap.partialfetch", "false");
        properties.put("mail.imaps.partialfetch", "false");
        return properties;
    }

    /** One instance at a time polls the intake mailbox. */
    @BindToRegistry(lazy = true)
    public MailboxPollLock mailboxPollLock(@BeanInject Database database) {
        return new MailboxPollLock(new AdvisoryLock(database.dataSource(), "intake mailbox"));
    }
}
