package com.bulletiningest.intake.mail;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line when the intake mailbox cannot be read, one INFO line when it can again: not a line per poll or per
 * reconnection attempt. The poller and the IDLE watcher report to the same instance, so an outage both notice is
 * logged once.
 */
public final class MailboxOutage {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxOutage.class);

    private final IntakeMailbox mailbox;
    private Instant since;
    private boolean failedThisPoll;

    public MailboxOutage(IntakeMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** Logs the problem if it starts an outage; during one, the causes that follow (dropped, then refused) are not. */
    synchronized void failed(Throwable failure) {
        failedThisPoll = true;
        if (since == null) {
            since = Instant.now();
            LOG.warn("Intake mailbox {} cannot be read: {}; mail waits there until it can", mailbox.where(),
                    MailboxProblem.describe(failure));
        }
    }

    /** A connection to the mailbox worked: the outage, if any, is over. */
    synchronized void recovered() {
        if (since != null) {
            LOG.info("Intake mailbox {} can be read again after {} s", mailbox.where(),
                    Duration.between(since, Instant.now()).toSeconds());
            since = null;
        }
    }

    synchronized void pollStarted() {
        failedThisPoll = false;
    }

    /** Whether the last poll (or the IDLE connection while it ran) could not read the mailbox. */
    synchronized boolean lastPollFailed() {
        return failedThisPoll;
    }

    /** A poll ran to its end: a recovery, unless the connection broke during it. */
    synchronized void pollEnded() {
        if (!failedThisPoll) {
            recovered();
        }
    }
}
