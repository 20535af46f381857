package com.bulletiningest.enrich;

import java.time.Duration;

/** A rule's regular expression took longer than its time on one text and was stopped. */
public final class RegexTimeoutException extends RuntimeException {

    RegexTimeoutException(String pattern, Duration budget) {
        super("the regex \"" + pattern + "\" took longer than " + budget.toMillis() + " ms on one notice and was "
                + "stopped (nested repetition such as (a+)+ backtracks without end); simplify it");
    }
}
