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
    private String problem;

    public MailboxOutage(IntakeMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** Logs the problem if it starts an outage, or if it differs from the one logged (a new cause, e.g. a new password refused). */
    synchronized void failed(Throwable failure) {
        String described = MailboxProblem.describe(failure);
        if (since == null) {
            since = Instant.now();
        } else if (described.equals(problem)) {
            return;
        }
        problem = described;
        LOG.warn("Intake mailbox {} cannot be read: {}; mail waits there until it can", mailbox.where(),
                described);
    }

    synchronized void recovered() {
        if (since != null) {
            LOG.info("Intake mailbox {} can be read again after {} s", mailbox.where(),
                    Duration.between(since, Instant.now()).toSeconds());
            since = null;
            problem = null;
        }
    }

    synchronized boolean ongoing() {
        return since != null;
    }
}
