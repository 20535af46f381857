package com.bulletiningest.intake.mail;

/**
 * The message left the intake folder while it was being read (a person or another program deleted or moved it): there
 * is nothing to take or move, and nothing counts as a failure. The route logs the message in one INFO line.
 */
public class MailGoneException extends RuntimeException {

    MailGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
