package com.bulletiningest.app;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waits for a condition the service fulfils asynchronously (file moved, row written, mail delivered). */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    public static void within(Duration timeout, String what, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what, e);
        }
    }
}
