package com.bulletiningest.notify;

import java.util.Optional;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * The SMTP server's reply to a digest it did not take, as Jakarta Mail reports it: a refused recipient, sender or
 * message carries the reply code and the server's text (the outer exception only says {@code Invalid Addresses}).
 *
 * @param text the reply line as the server sent it, e.g. {@code 550 5.1.1 <x@example.com>: Recipient address rejected}
 */
record SmtpReply(int code, String text) {

    /** The server's reply inside {@code failure}; empty when there was none (connection refused, timeout, I/O). */
    static Optional<SmtpReply> of(MessagingException failure) {
        for (Exception cause = failure; cause != null;
             cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            int code = cause instanceof SMTPAddressFailedException recipient ? recipient.getReturnCode()
                    : cause instanceof SMTPSenderFailedException sender ? sender.getReturnCode()
                    : cause instanceof SMTPSendFailedException message ? message.getReturnCode() : 0;
            if (code > 0) {
                return Optional.of(new SmtpReply(code, String.valueOf(cause.getMessage()).strip()));
            }
        }
        return Optional.empty();
    }

    /** A 5xx reply: the server refuses for good, sending again will not help until someone changes something. */
    boolean permanent() {
        return code >= 500 && code <= 599;
    }
}
