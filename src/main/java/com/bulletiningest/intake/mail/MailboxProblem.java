package com.bulletiningest.intake.mail;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;

import com.bulletiningest.intake.EscapedText;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;

/**
 * Why the intake mailbox cannot be read, in one line an administrator can act on: the login refused, the server's
 * certificate not trusted or not naming the host, TLS on a port that does not speak it, STARTTLS not offered, the server
 * unreachable.
 */
final class MailboxProblem {

    private MailboxProblem() {
    }

    static String describe(Throwable failure) {
        if (find(failure, AuthenticationFailedException.class) != null) {
            return "login refused (" + message(find(failure, AuthenticationFailedException.class))
                    + "): check bulletin.imap.user and bulletin.imap.password";
        }
        if (find(failure, CertPathBuilderException.class) != null || find(failure, CertPathValidatorException.class) != null) {
            return "TLS refused: the server's certificate is not trusted (" + message(innermost(failure))
                    + "): set bulletin.imap.trust-store to a file holding it or its CA";
        }
        if (find(failure, CertificateException.class) != null) {
            return "TLS refused: the server's certificate does not name this host (" + message(innermost(failure))
                    + "): set bulletin.imap.host to a name the certificate carries";
        }
        Throwable noStartTls = withMessage(failure, "STARTTLS required but not supported");
        if (noStartTls != null) {
            return "TLS refused: the server does not offer STARTTLS (" + message(noStartTls) + "), so the login was not "
                    + "tried: with bulletin.imap.starttls=true the port must offer it (usually 143), or use IMAPS "
                    + "(bulletin.imap.tls=true, usually 993)";
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return "TLS refused (" + message(tls) + "): with bulletin.imap.tls=true the port must speak IMAPS "
                    + "(usually 993)";
        }
        if (find(failure, ConnectException.class) != null) {
            return "cannot connect (" + message(find(failure, ConnectException.class)) + ")";
        }
        if (find(failure, UnknownHostException.class) != null) {
            return "unknown host " + message(find(failure, UnknownHostException.class));
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return "the server did not answer in time (" + message(find(failure, SocketTimeoutException.class)) + ")";
        }
        if (find(failure, FolderNotFoundException.class) != null) {
            return "folder not found (" + message(find(failure, FolderNotFoundException.class))
                    + "): check bulletin.imap.folder";
        }
        Throwable cause = innermost(failure);
        return cause.getClass().getSimpleName() + ": " + message(cause);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        return type.cast(first(failure, type::isInstance));
    }

    /** The first throwable of the chain whose message contains the text (Jakarta Mail has no type for some failures). */
    private static Throwable withMessage(Throwable failure, String text) {
        return first(failure, t -> t.getMessage() != null && t.getMessage().contains(text));
    }

    private static Throwable first(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return t;
            }
        }
        return null;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(Throwable t) {
        return EscapedText.oneLine(String.valueOf(t.getMessage()));
    }
}
