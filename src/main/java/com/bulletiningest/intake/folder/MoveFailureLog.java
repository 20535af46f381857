package com.bulletiningest.intake.folder;

import com.bulletiningest.intake.EscapedText;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in one WARN line that an inbox file could not be moved to .done or .failed after it was processed (it then
 * stays in the inbox and comes back as a duplicate, or is tried again). Camel's own handler logs this under the
 * logger that the service's log configuration silences for its noisy rollback messages.
 */
public final class MoveFailureLog implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MoveFailureLog.class);

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
        String file = exchange == null ? "an inbox file" : "inbox/" + EscapedText.of(
                String.valueOf(exchange.getMessage().getHeader(Exchange.FILE_NAME)));
        LOG.warn("{} was processed but could not be moved on ({}): {}", file, message == null ? "move" : message,
                EscapedText.of(String.valueOf(exception.getMessage())));
    }
}
