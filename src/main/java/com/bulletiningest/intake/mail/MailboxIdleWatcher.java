package com.bulletiningest.intake.mail;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the intake folder with IMAP IDLE (RFC 2177) on a connection of its own and calls {@code onNewMail} as soon
 * as the server announces a message in it, so that a mailed bulletin is taken within seconds, not at the next poll.
 * It only watches (the folder is opened read-only, nothing is fetched): reading and moving stay with the poller and
 * its lock.
 * <p>
 * A server without IDLE is polled only (one INFO line). A lost connection is opened again after 1, 2, 4 … at most
 * {@link #MAX_BACK_OFF} seconds, reported to the {@link MailboxOutage} (one line per outage). Each time the IDLE
 * connection is opened the folder is polled at once, for what arrived before it listened. The IDLE is renewed every {@link #RENEWAL}, well within the
 * 29 minutes RFC 2177 allows and the socket's read timeout, so a connection that died silently is noticed too.
 */
public final class MailboxIdleWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxIdleWatcher.class);
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    static final Duration RENEWAL = Duration.ofSeconds(45);

    private final IntakeMailbox mailbox;
    private final MailboxOutage outage;
    private volatile Thread thread;
    private volatile Store store;
    private volatile IMAPFolder folder;
    private ScheduledExecutorService renewals;

    public MailboxIdleWatcher(IntakeMailbox mailbox, MailboxOutage outage) {
        this.mailbox = mailbox;
        this.outage = outage;
    }

    /** Starts watching on a thread of its own; {@code onNewMail} runs on Jakarta Mail's event thread. */
    synchronized void start(Runnable onNewMail) {
        if (thread != null) {
            return;
        }
        renewals = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "intake-mail-idle-renewal"));
        renewals.scheduleWithFixedDelay(this::renew, RENEWAL.toSeconds(), RENEWAL.toSeconds(), TimeUnit.SECONDS);
        thread = new Thread(() -> watch(onNewMail), "intake-mail-idle");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        Thread watching = thread;
        thread = null;
        if (watching == null) {
            return;
        }
        renewals.shutdownNow();
        watching.interrupt();
        closeQuietly(); // ends a running IDLE
        try {
            watching.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch(Runnable onNewMail) {
        long backOff = 1;
        while (thread == Thread.currentThread()) {
            try {
                if (!open(onNewMail)) {
                    LOG.info("The IMAP server of {} does not offer IDLE: new mail is taken at the next poll",
                            mailbox.where());
                    return;
                }
                onNewMail.run(); // what arrived before the IDLE began (or while the connection was down)
                outage.recovered();
                backOff = 1;
                while (thread == Thread.currentThread() && folder.isOpen()) {
                    folder.idle(); // returns when renewed, when the connection breaks, or when stopped
                }
            } catch (MessagingException | RuntimeException e) {
                if (thread != Thread.currentThread()) {
                    return; // stopped
                }
                outage.failed(e);
            }
            closeQuietly();
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(backOff));
            } catch (InterruptedException e) {
                return;
            }
            backOff = Math.min(backOff * 2, MAX_BACK_OFF.toSeconds());
        }
    }

    /** Connects and opens the folder read-only; false when the server has no IDLE. */
    private boolean open(Runnable onNewMail) throws MessagingException {
        Store connected = mailbox.connect();
        store = connected;
        if (!(connected instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
            closeQuietly();
            return false;
        }
        IMAPFolder watched = (IMAPFolder) connected.getFolder(mailbox.folder());
        watched.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent event) {
                onNewMail.run();
            }
        });
        watched.open(Folder.READ_ONLY);
        folder = watched;
        return true;
    }

    /** Any command on the folder ends the IDLE first; the loop then idles again. */
    private void renew() {
        IMAPFolder watched = folder;
        if (watched != null && watched.isOpen()) {
            try {
                watched.doCommand(protocol -> {
                    protocol.noop();
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                // the watching thread sees the broken connection too and reports it
            }
        }
    }

    private void closeQuietly() {
        Store connected = store;
        folder = null;
        store = null;
        if (connected != null) {
            try {
                connected.close();
            } catch (MessagingException | RuntimeException e) {
                // closing a connection that is gone
            }
        }
    }
}
