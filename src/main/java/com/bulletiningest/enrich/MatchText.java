package com.bulletiningest.enrich;

import java.util.Locale;

/**
 * One field of a notice as the tag matchers compare it: as printed, without spaces in lower case (any, all), with runs
 * of spaces as one (exact), letters and digits only (fuzzy). Each form is computed on first use, once per notice however
 * many rules look at the field: recomputing them per rule made the body rules most of a dry run's time.
 */
public final class MatchText {

    private final String raw;
    private String loose;
    private String collapsed;
    private String letters;

    MatchText(String raw) {
        this.raw = raw;
    }

    String raw() {
        return raw;
    }

    boolean isEmpty() {
        return raw.isEmpty();
    }

    String loose() {
        if (loose == null) {
            loose = loose(raw);
        }
        return loose;
    }

    String collapsed() {
        if (collapsed == null) {
            collapsed = TextParts.collapse(raw);
        }
        return collapsed;
    }

    String letters() {
        if (letters == null) {
            letters = BigramSimilarity.letters(raw);
        }
        return letters;
    }

    /** Without spaces, in lower case: PDF text puts spaces in odd places. */
    static String loose(String s) {
        return TextParts.withoutSpaces(s).toLowerCase(Locale.ROOT);
    }
}
