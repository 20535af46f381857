package com.bulletiningest.intake.mail;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * When camel-mail's consumer of routes/inbox-mail.yaml polls the intake mailbox ({@code scheduler: "#mailboxScheduler"}):
 * every {@code delay} ms as before, and at once when {@link MailboxIdleWatcher} hears of a new message. The polls stay
 * camel-mail's own, one at a time on one thread, each under the {@link MailboxPollLock}; a poll asked for while one
 * runs is run once right after it, so a message arriving mid-poll is not left for the next period.
 * <p>
 * A poll that left work in the mailbox ({@link MailboxPollLock#lastPollUnfinished()}: it could not read the mailbox,
 * or it took a full batch) is followed by another at once, then after 1, 2, 4 … s while they keep leaving work, at
 * most the poll delay, rather than a whole period later: a batch of mail larger than a poll takes is read in one go,
 * and mail waiting is taken within seconds of the server's return, also when the IDLE watcher's poll on reconnecting
 * came while the server was still starting. While the database is down this keeps to the same back-off.
 */
public final class MailboxScheduler implements ScheduledPollConsumerScheduler {

    private static final long FIRST_RETRY_MILLIS = 1000;

    private final MailboxIdleWatcher watcher;
    private final MailboxPollLock pollLock;
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private final AtomicBoolean retryPending = new AtomicBoolean();
    /** Only read and written on the poll thread. */
    private long retryMillis;
    private CamelContext context;
    private ScheduledPollConsumer consumer;
    private Runnable poll;
    private ScheduledExecutorService executor;

    /** @param watcher null to poll only */
    public MailboxScheduler(MailboxIdleWatcher watcher, MailboxPollLock pollLock) {
        this.watcher = watcher;
        this.pollLock = pollLock;
    }

    @Override
    public void onInit(Consumer consumer) {
        this.consumer = (ScheduledPollConsumer) consumer;
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.poll = task;
    }

    @Override
    public synchronized void startScheduler() {
        if (executor != null) {
            return;
        }
        ScheduledThreadPoolExecutor pollThread = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "intake-mail-poll"));
        pollThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a retry waiting is dropped at stop
        executor = pollThread;
        executor.scheduleWithFixedDelay(this::pollOrRetry, consumer.getInitialDelay(), consumer.getDelay(),
                consumer.getTimeUnit());
        if (watcher != null) {
            watcher.start(this::pollNow);
        }
    }

    /** Polls as soon as the poll thread is free; requests made before that poll began are served by it. */
    void pollNow() {
        ScheduledExecutorService running = executor;
        if (running != null && pollQueued.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    pollQueued.set(false);
                    pollOrRetry();
                });
            } catch (RejectedExecutionException stopping) {
                pollQueued.set(false);
            }
        }
    }

    private void pollOrRetry() {
        poll.run();
        if (!pollLock.lastPollUnfinished()) {
            retryMillis = 0;
        } else if (retryPending.compareAndSet(false, true)) {
            long wait = retryMillis;
            retryMillis = Math.min(Math.max(FIRST_RETRY_MILLIS, retryMillis * 2),
                    consumer.getTimeUnit().toMillis(consumer.getDelay()));
            retryAfter(wait);
        }
    }

    private void retryAfter(long millis) {
        ScheduledExecutorService running = executor;
        try {
            if (running != null) {
                running.schedule(() -> {
                    retryPending.set(false);
                    pollNow();
                }, millis, TimeUnit.MILLISECONDS);
                return;
            }
        } catch (RejectedExecutionException stopping) {
            // stopped meanwhile
        }
        retryPending.set(false);
    }

    @Override
    public synchronized boolean isSchedulerStarted() {
        return executor != null;
    }

    @Override
    public void unscheduleTask() {
        stop();
    }

    @Override
    public void start() {
        // started by the consumer through startScheduler
    }

    @Override
    public synchronized void stop() {
        if (watcher != null) {
            watcher.stop();
        }
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
            pollQueued.set(false);
            retryPending.set(false);
        }
    }

    @Override
    public void shutdown() {
        stop();
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }
}
