package com.bulletiningest.app;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition the service fulfils asynchronously (file moved, row written, mail delivered). */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
