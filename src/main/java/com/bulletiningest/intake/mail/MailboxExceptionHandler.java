package com.bulletiningest.intake.mail;

import com.bulletiningest.intake.EscapedText;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What camel-mail's consumer of routes/inbox-mail.yaml reports outside an exchange
 * ({@code exceptionHandler: "#mailboxExceptionHandler"}): a failed poll is already reported by {@link MailboxPollLock}
 * to the {@link MailboxOutage} (one line per outage), so it is not logged again with a stack trace at every poll, nor
 * is a move that failed because the connection broke; a message that could not be moved for another reason after it
 * was stored is logged in one line. Either way the next poll finds it again and moves it, its Message-ID known.
 */
public final class MailboxExceptionHandler implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxExceptionHandler.class);

    private final MailboxOutage outage;

    public MailboxExceptionHandler(MailboxOutage outage) {
        this.outage = outage;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (message != null && message.startsWith("Failed polling endpoint")) {
            return;
        }
        if (MailboxConnectionLostException.isCause(exception)) {
            outage.failed(exception);
            return;
        }
        LOG.warn("{}: {}", message != null ? EscapedText.oneLine(message) : "intake mailbox",
                MailboxProblem.describe(exception));
    }
}
