package com.bulletiningest.app;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP and IMAP server (GreenMail, in memory) for running without a mail server: digests sent to an owner
 * land in that owner's mailbox, and bulletins mailed to the intake address land in the intake mailbox.
 * Every mailbox logs in with its address and the same password, also one added while running.
 */
public final class EmbeddedMailServer extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final String bindAddress;
    private final int smtpPort;
    private final int imapPort;
    private final String password;
    private final Set<String> mailboxes;
    private GreenMail greenMail;

    public EmbeddedMailServer(String bindAddress, int smtpPort, int imapPort, String password,
                              Collection<String> mailboxes) {
        this.bindAddress = bindAddress;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.password = password;
        this.mailboxes = new LinkedHashSet<>(mailboxes);
    }

    /**
     * Opens a mailbox for each address that has none yet, e.g. an owner added to owners.yaml while running: without
     * it, GreenMail would create the mailbox on the first delivery with the address as its password.
     */
    public synchronized void addMailboxes(Collection<String> addresses) {
        for (String address : addresses) {
            if (mailboxes.add(address)) {
                greenMail.setUser(address, address, password);
                LOG.info("Embedded mail server: mailbox {} opened (password '{}')", address, password);
            }
        }
    }

    @Override
    protected synchronized void doStart() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, bindAddress, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, bindAddress, ServerSetup.PROTOCOL_IMAP) });
        greenMail.start();
        mailboxes.forEach(address -> greenMail.setUser(address, address, password));
        LOG.info("Embedded mail server: SMTP {}:{}, IMAP {}:{}; mailboxes {} (login = address, password '{}')",
                bindAddress, smtpPort(), bindAddress, imapPort(), mailboxes, password);
    }

    @Override
    protected void doStop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    public String host() {
        return bindAddress;
    }

    /** The port SMTP listens on (the actual one when 0 asked for any free port). */
    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public String password() {
        return password;
    }
}
