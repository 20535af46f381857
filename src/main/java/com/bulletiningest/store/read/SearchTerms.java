package com.bulletiningest.store.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The terms of the search index, one definition for what a notice is indexed under and what a query looks for.
 * PostgreSQL cannot segment Chinese, so a text's terms are the character bigrams of each run of CJK characters (and,
 * {@code withChars}, its single characters too, so that a one-character query works; always for a one-character run)
 * and the lower-cased words of each run of ASCII letters and digits: {@code 参比制剂} gives 参比, 比制, 制剂.
 * Computed here rather than in SQL (migration V11's {@code search_terms}, which these terms equal, see
 * {@code SearchTermsTest}): the regular expressions cost PostgreSQL about 25 ms of CPU per bulletin, this a fraction
 * of one.
 */
public final class SearchTerms {

    /** The longest lexeme a tsvector holds, in bytes; a longer word (a pasted key, say) is nothing anyone searches. */
    private static final int MAX_TERM_BYTES = 2046;

    private SearchTerms() {
    }

    /** The distinct terms of {@code text} (null is no text), in no order: array_to_tsvector sorts them. */
    public static Set<String> of(String text, boolean withChars) {
        Set<String> terms = new HashSet<>();
        if (text == null) {
            return terms;
        }
        for (String run : runs(text)) {
            if (isCjk(run.charAt(0))) {
                addCjkRun(terms, run, withChars);
            } else {
                addWord(terms, run);
            }
        }
        return terms;
    }

    /** The runs of CJK characters in {@code text}, in order. */
    public static List<String> cjkRuns(String text) {
        return runs(text).stream().filter(run -> isCjk(run.charAt(0))).toList();
    }

    /** The runs of CJK characters and of ASCII letters and digits in {@code text}, in order; the rest separates them. */
    private static List<String> runs(String text) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            IntPredicate kind = isCjk(text.charAt(i)) ? SearchTerms::isCjk
                    : isWordChar(text.charAt(i)) ? SearchTerms::isWordChar : null;
            int end = i + 1;
            if (kind != null) {
                while (end < text.length() && kind.test(text.charAt(end))) {
                    end++;
                }
                runs.add(text.substring(i, end));
            }
            i = end;
        }
        return runs;
    }

    /** Whether {@code c} is in the CJK blocks the index covers (unified ideographs with extension A, compatibility). */
    private static boolean isCjk(int c) {
        return c >= '\u3400' && c <= '\u9fff' || c >= '\uf900' && c <= '\ufaff';
    }

    private static boolean isWordChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static void addCjkRun(Set<String> terms, String run, boolean withChars) {
        for (int i = 0; i + 1 < run.length(); i++) {
            terms.add(run.substring(i, i + 2));
        }
        if (withChars || run.length() == 1) {
            for (int i = 0; i < run.length(); i++) {
                terms.add(run.substring(i, i + 1));
            }
        }
    }

    private static void addWord(Set<String> terms, String word) {
        if (word.length() <= MAX_TERM_BYTES) { // ASCII: a byte a character
            terms.add(word.toLowerCase(Locale.ROOT));
        }
    }

    /** The tsquery text that requires every term of {@code query}, or null when it has none. */
    public static String query(String query) {
        Set<String> terms = new TreeSet<>(of(query, false));
        // a term is CJK characters or ASCII letters and digits: nothing to quote inside the quotes
        return terms.isEmpty() ? null : "'" + String.join("' & '", terms) + "'";
    }
}
