package com.bulletiningest.intake.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * The intake mailbox as {@code bulletin.imap.*} names it, with the Jakarta Mail properties every connection to it
 * uses (see {@link MailSessionProperties}): the route's poller, the IDLE watcher and the console's Retry connect alike.
 *
 * @param protocol {@code imap} or {@code imaps}
 */
public record IntakeMailbox(String protocol, String host, int port, String user, String password, String folder,
                            Properties sessionProperties) {

    /** A new, logged-in connection; the caller closes it. */
    public Store connect() throws MessagingException {
        Store store = Session.getInstance(sessionProperties).getStore(protocol);
        store.connect(host, port, user, password);
        return store;
    }

    /**
     * For log lines: {@code imaps://127.0.0.1:993 as bulletins@example.com},
     * {@code imap://127.0.0.1:143 with STARTTLS as bulletins@example.com}.
     */
    public String where() {
        boolean startTls = "imap".equals(protocol)
                && Boolean.parseBoolean(sessionProperties.getProperty(MailSessionProperties.STARTTLS_REQUIRED));
        return protocol + "://" + host + ":" + port + (startTls ? " with STARTTLS" : "") + " as " + user;
    }

    @Override
    public String toString() {
        return where() + " folder " + folder; // never the password
    }
}
