package com.bulletiningest.intake.mail;

import com.bulletiningest.store.db.AdvisoryLock;
import com.bulletiningest.store.db.DatabaseUnavailableException;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * The intake mailbox's poll strategy: of several instances, one at a time polls the mailbox. IMAP servers may renumber
 * a folder's messages in every session at once when one session moves a message out (GreenMail does), so an instance
 * fetching while another moves can read the bytes of the wrong message; a PostgreSQL advisory lock held for the poll
 * keeps the polls apart, and an instance that cannot take it skips that poll. While the database cannot be reached
 * the poll goes ahead without it: the intake then leaves every message in place.
 * <p>
 * A poll that fails (the server unreachable, the login or TLS refused) is reported to the {@link MailboxOutage}, which
 * logs one line per outage instead of camel-mail's line per poll. A poll that failed, or that took as many messages as
 * a poll may ({@code maxMessagesPerPoll}, so more may wait), left work in the mailbox: {@link #lastPollUnfinished()}
 * tells the {@link MailboxScheduler} to poll again soon.
 */
public final class MailboxPollLock implements PollingConsumerPollStrategy {

    private final AdvisoryLock lock;
    private final MailboxOutage outage;
    /** Set by begin and given up by commit or rollback, all called by the consumer's one polling thread. */
    private AdvisoryLock.Held held;
    private volatile boolean lastPollFull;

    public MailboxPollLock(AdvisoryLock lock, MailboxOutage outage) {
        this.lock = lock;
        this.outage = outage;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        outage.pollStarted();
        lastPollFull = false;
        try {
            held = lock.tryAcquire().orElse(null);
            return held != null;
        } catch (DatabaseUnavailableException e) {
            return true;
        }
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        int most = consumer instanceof ScheduledBatchPollingConsumer batch ? batch.getMaxMessagesPerPoll() : 0;
        lastPollFull = most > 0 && polledMessages >= most;
        giveUp();
        outage.pollEnded();
    }

    /** @return false: not tried again at once, but at the next poll */
    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        giveUp();
        outage.failed(cause);
        return false;
    }

    /** Whether the last poll failed or took a full batch: mail may be waiting that the next period would leave. */
    boolean lastPollUnfinished() {
        return lastPollFull || outage.lastPollFailed();
    }

    private void giveUp() {
        if (held != null) {
            try {
                held.close();
            } catch (RuntimeException e) {
                // the lock ends with its connection, also when the database went away holding it
            } finally {
                held = null;
            }
        }
    }
}
