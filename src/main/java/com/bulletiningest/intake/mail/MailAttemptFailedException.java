package com.bulletiningest.intake.mail;

/**
 * A message failed for a reason other than an unreachable database and has attempts left: it stays in the inbox for
 * the next poll. The message is one line for the log, naming the mail, the attempt and the error.
 */
public class MailAttemptFailedException extends RuntimeException {

    MailAttemptFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
