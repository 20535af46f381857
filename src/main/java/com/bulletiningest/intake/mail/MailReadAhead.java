package com.bulletiningest.intake.mail;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Two mails of a poll at a time, as the folder intake takes two files at a time: while camel-mail hands the route one
 * message after another, the message after the current one is read and ingested on a second thread, and its exchange
 * then only collects the outcome. Each message is still moved only after its own bulletins are committed, by its own
 * exchange, within the poll and under its lock. Should that exchange never come (the service stops mid-poll), the work
 * done ahead is not lost: the message stays in the folder and the next poll finds it already processed.
 */
final class MailReadAhead {

    /** What the intake does with one message. */
    @FunctionalInterface
    interface Handler {
        MailOutcome handle(MimeMessage message) throws MessagingException;
    }

    /**
     * Two threads: the message handed over now may still be running on one when the next is started ahead, and with
     * one thread that next one would only queue behind it (one mail at a time, the poll thread waiting).
     */
    private final ExecutorService thread = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "intake-mail-read-ahead");
        t.setDaemon(true);
        return t;
    });
    /** The message being handled ahead and its outcome; only the consumer's polling thread touches these. */
    private Message ahead;
    private Future<MailOutcome> aheadOutcome;

    /**
     * The outcome of {@code polled}: collected when it was handled ahead, else handled now. Before that, the next
     * message of the folder is started ahead when the poll has more.
     */
    MailOutcome outcome(MimeMessage polled, boolean pollHasMore, Handler handler) throws MessagingException {
        Future<MailOutcome> mine = ahead == polled ? aheadOutcome : null;
        ahead = null;
        aheadOutcome = null;
        if (pollHasMore) {
            MimeMessage next = next(polled);
            if (next != null) {
                ahead = next;
                aheadOutcome = thread.submit(() -> handler.handle(next));
            }
        }
        if (mine == null) {
            return handler.handle(polled);
        }
        try {
            return mine.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while the message was read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof MessagingException messaging) {
                throw messaging;
            }
            throw new MessagingException(String.valueOf(e.getCause()), (Exception) e.getCause());
        }
    }

    /**
     * The message camel-mail hands over next (it takes the folder's messages in order, leaving out those flagged
     * deleted), or null when there is none or it cannot be told without a round trip.
     */
    private static MimeMessage next(MimeMessage polled) {
        try {
            Folder folder = polled.getFolder();
            int number = polled.getMessageNumber() + 1;
            if (folder == null || !folder.isOpen() || number > folder.getMessageCount()) {
                return null;
            }
            Message next = folder.getMessage(number);
            return next instanceof MimeMessage mime && !next.isSet(Flags.Flag.DELETED) ? mime : null;
        } catch (MessagingException | RuntimeException e) {
            return null; // it is handled in its own exchange, which meets the same problem
        }
    }
}
