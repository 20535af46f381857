package com.bulletiningest.intake.mail;

import jakarta.mail.FolderClosedException;
import jakarta.mail.StoreClosedException;

/**
 * The connection to the intake mailbox broke while a message was read (the server stopped or was killed, the network
 * went): the message stays where it is, no attempt is counted against it, and the next poll takes it on a new
 * connection. {@link MailboxOutage} logs the outage once.
 */
public class MailboxConnectionLostException extends RuntimeException {

    MailboxConnectionLostException(Throwable cause) {
        super("the connection to the intake mailbox was lost: " + MailboxProblem.describe(cause), cause);
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FolderClosedException || t instanceof StoreClosedException) {
                return true;
            }
        }
        return false;
    }
}
