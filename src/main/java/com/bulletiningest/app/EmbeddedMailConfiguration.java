package com.bulletiningest.app;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import com.bulletiningest.embedded.EmbeddedMailServer;
import com.bulletiningest.embedded.PasswordFile;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts GreenMail for whichever of SMTP and IMAP has no host configured (only that one: an external server may use
 * the other's port): SMTP with a mailbox per owner, IMAP with the intake mailbox. Bound eagerly, from properties
 * alone: it points the {@code bulletin.smtp.*} / {@code bulletin.imap.*} properties at itself before the routes that
 * read them are built.
 */
public class EmbeddedMailConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailConfiguration.class);

    /**
     * @param password the mailboxes' password ({@code bulletin.embedded-mail.password}); empty = the one generated
     *                 into {@code <data-dir>/mail-password}
     */
    @BindToRegistry
    public EmbeddedMail embeddedMail(@PropertyInject("bulletin.smtp.host") String smtpHost,
                                     @PropertyInject("bulletin.smtp.port") int smtpPort,
                                     @PropertyInject("bulletin.imap.host") String imapHost,
                                     @PropertyInject("bulletin.imap.port") int imapPort,
                                     @PropertyInject("bulletin.imap.user") String intake,
                                     @PropertyInject("bulletin.embedded-mail.bind-address") String bindAddress,
                                     @PropertyInject("bulletin.embedded-mail.password") String password,
                                     @PropertyInject("bulletin.data-dir") String dataDir,
                                     CamelContext context) throws Exception {
        boolean smtp = smtpHost.isBlank();
        boolean imap = imapHost.isBlank();
        if (!smtp && !imap) {
            return EmbeddedMail.none();
        }
        String passwordSource = "bulletin.embedded-mail.password";
        if (password.isBlank()) {
            Path file = Path.of(dataDir, "mail-password");
            password = PasswordFile.readOrCreate(file);
            passwordSource = "the file " + file.toAbsolutePath();
        }
        Set<String> mailboxes = new LinkedHashSet<>();
        if (imap) {
            mailboxes.add(intake);
        }
        EmbeddedMailServer mail = new EmbeddedMailServer(bindAddress, password, mailboxes, Path.of(dataDir, "mail"));
        if (smtp) {
            mail.withSmtp(smtpPort);
        }
        if (imap) {
            mail.withImap(imapPort);
        }
        mail.start();
        context.addService(mail, true, false);
        PropertiesComponent properties = context.getPropertiesComponent();
        if (smtp) {
            properties.addOverrideProperty("bulletin.smtp.host", mail.host());
            properties.addOverrideProperty("bulletin.smtp.port", String.valueOf(mail.smtpPort()));
        }
        if (imap) {
            properties.addOverrideProperty("bulletin.imap.host", mail.host());
            properties.addOverrideProperty("bulletin.imap.port", String.valueOf(mail.imapPort()));
            properties.addOverrideProperty("bulletin.imap.password", password);
            LOG.info("Embedded mail server: log in over IMAP at {}:{} with a mailbox's address and the password in {}",
                    mail.host(), mail.imapPort(), passwordSource);
        }
        return new EmbeddedMail(mail, smtp);
    }
}
