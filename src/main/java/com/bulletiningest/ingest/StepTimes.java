package com.bulletiningest.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * How much time the ingest steps took since the service started (or since {@link #reset()}), per step: bound as
 * {@code stepTimes}, logged when the service stops and printed by the end-to-end benchmark. Safe for concurrent
 * ingests; a step's time is wall-clock time of the thread running it.
 */
public final class StepTimes {

    /** The steps, in the order an ingest runs them; an outer step's time includes the inner ones listed after it. */
    public enum Step {
        EXTRACT, SPLIT, ENRICH, KEYWORDS, STORE
    }

    /** Total time and number of runs of one step. */
    public record Total(long nanos, long runs) {

        public double millis() {
            return nanos / 1e6;
        }
    }

    private final Map<Step, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<Step, LongAdder> runs = new ConcurrentHashMap<>();

    /** A work that may throw, timed by {@link #time}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    public <T, E extends Exception> T time(Step step, Work<T, E> work) throws E {
        long start = System.nanoTime();
        try {
            return work.run();
        } finally {
            add(step, System.nanoTime() - start);
        }
    }

    public void add(Step step, long elapsedNanos) {
        nanos.computeIfAbsent(step, s -> new LongAdder()).add(elapsedNanos);
        runs.computeIfAbsent(step, s -> new LongAdder()).increment();
    }

    /** Every step that ran, in step order. */
    public Map<Step, Total> totals() {
        Map<Step, Total> totals = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            LongAdder n = nanos.get(step);
            if (n != null) {
                totals.put(step, new Total(n.sum(), runs.get(step).sum()));
            }
        }
        return totals;
    }

    public void reset() {
        nanos.clear();
        runs.clear();
    }

    /** One line, e.g. {@code extract 2710 ms/100, split 301 ms/100, …} (total ms / runs). */
    @Override
    public String toString() {
        return totals().entrySet().stream()
                .map(e -> String.format("%s %.0f ms/%d", e.getKey().name().toLowerCase(), e.getValue().millis(),
                        e.getValue().runs()))
                .collect(Collectors.joining(", "));
    }
}
