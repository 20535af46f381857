package com.bulletiningest.intake.mail;

import java.util.Properties;

import javax.net.ssl.SSLSocketFactory;

/**
 * The Jakarta Mail properties of every connection to the intake mailbox, for {@code imap} and {@code imaps} alike.
 * STARTTLS uses the same {@code mail.imap.ssl.*} settings (trust store, host name check) as IMAPS.
 */
public final class MailSessionProperties {

    /** ms to connect; a server that does not answer a command within {@link #READ_TIMEOUT} ms counts as gone. */
    static final int CONNECT_TIMEOUT = 10_000;
    static final int READ_TIMEOUT = 60_000;
    /** Set when STARTTLS is required. */
    static final String STARTTLS_REQUIRED = "mail.imap.starttls.required";

    private MailSessionProperties() {
    }

    /**
     * @param trust    the certificates trusted for TLS (IMAPS and STARTTLS), or {@code null} for the JVM's default trust
     *                 store
     * @param startTls STARTTLS on {@code imap}, required: without it the login is not even tried
     */
    public static Properties of(SSLSocketFactory trust, boolean startTls) {
        Properties properties = new Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            String prefix = "mail." + protocol + ".";
            // Jakarta Mail fetches a body in 16 KB pieces by default, one round trip each: a 270 KB bulletin mail took
            // 17, and against a server that answers each after TCP's delayed acknowledgement (GreenMail: ~40 ms) that
            // was most of a mail's second. The intake reads every message whole anyway.
            properties.put(prefix + "partialfetch", "false");
            properties.put(prefix + "connectiontimeout", String.valueOf(CONNECT_TIMEOUT));
            properties.put(prefix + "timeout", String.valueOf(READ_TIMEOUT));
            // the certificate must name the host connected to, as a mail program checks
            properties.put(prefix + "ssl.checkserveridentity", "true");
            if (trust != null) {
                properties.put(prefix + "ssl.socketFactory", trust);
            }
        }
        if (startTls) {
            // not opportunistic: a server (or someone in between) not offering STARTTLS must not get the password
            properties.put("mail.imap.starttls.enable", "true");
            properties.put(STARTTLS_REQUIRED, "true");
        }
        return properties;
    }
}
