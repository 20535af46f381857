package com.bulletiningest.enrich;

import java.time.Duration;

/**
 * A text a regular expression may search only until a deadline: Java's regex engine reads its input through
 * {@link #charAt}, so a pattern that backtracks catastrophically (e.g. {@code (a+)+b}) is stopped there with a
 * {@link RegexTimeoutException} instead of holding a core for hours.
 */
final class TimeBoundText implements CharSequence {

    /** Reads between two looks at the clock. */
    private static final int CHECK_EVERY = 4096;

    private final String text;
    private final long deadline;
    private final Duration budget;
    private final String pattern;
    private int reads;

    TimeBoundText(String text, Duration budget, String pattern) {
        this(text, System.nanoTime() + budget.toNanos(), budget, pattern);
    }

    private TimeBoundText(String text, long deadline, Duration budget, String pattern) {
        this.text = text;
        this.deadline = deadline;
        this.budget = budget;
        this.pattern = pattern;
    }

    @Override
    public char charAt(int index) {
        if (++reads % CHECK_EVERY == 0 && System.nanoTime() > deadline) {
            throw new RegexTimeoutException(pattern, budget);
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new TimeBoundText(text.substring(start, end), deadline, budget, pattern);
    }

    @Override
    public String toString() {
        return text;
    }
}
