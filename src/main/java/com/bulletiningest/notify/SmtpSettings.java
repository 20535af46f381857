package com.bulletiningest.notify;

/** Where digests are sent from and through; an empty user means no SMTP login. */
public record SmtpSettings(String host, int port, String user, String password, boolean tls, String from) {
}
