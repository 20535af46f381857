package com.bulletiningest.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * How closely a phrase appears in a text: the best Dice coefficient of character bigrams between the phrase and any
 * window of the text as long as the phrase, one character shorter or longer. Spaces and punctuation are ignored, so
 * {@code 专精特新小巨人} is found in {@code 专精特新“小巨人”} (1.0) and {@code 科技型中小企业} in {@code 科技型中小微企业}
 * (0.77).
 * <p>
 * Each window width slides over the text once, counting the phrase's bigrams that enter and leave the window: a
 * notice body costs microseconds, where comparing each window afresh cost milliseconds per rule.
 */
final class BigramSimilarity {

    private BigramSimilarity() {
    }

    static double best(String phrase, String text) {
        return bestInLetters(letters(phrase), letters(text));
    }

    /** The same for a phrase and a text already reduced to {@link #letters}. */
    static double bestInLetters(String p, String t) {
        if (p.length() < 2 || t.length() < 2) {
            return p.equals(t) && !p.isEmpty() ? 1.0 : 0.0;
        }
        // the phrase's distinct bigrams and how often each occurs in it
        List<Integer> distinct = new ArrayList<>();
        int[] phraseCounts = new int[p.length() - 1];
        for (int i = 0; i + 2 <= p.length(); i++) {
            int at = distinct.indexOf(bigram(p, i));
            if (at < 0) {
                at = distinct.size();
                distinct.add(bigram(p, i));
            }
            phraseCounts[at]++;
        }
        // per bigram of the text: which of the phrase's it is, or -1
        int[] textBigrams = new int[t.length() - 1];
        for (int i = 0; i < textBigrams.length; i++) {
            textBigrams[i] = distinct.indexOf(bigram(t, i));
        }
        int phraseCount = p.length() - 1;
        double best = 0;
        for (int width = Math.max(2, p.length() - 1); width <= p.length() + 1; width++) {
            best = Math.max(best, best(textBigrams, phraseCounts, phraseCount, width - 1));
            if (best == 1.0) {
                return best;
            }
        }
        return best;
    }

    /** The best Dice coefficient over the windows of {@code span} consecutive text bigrams. */
    private static double best(int[] textBigrams, int[] phraseCounts, int phraseCount, int span) {
        if (span > textBigrams.length) {
            return 0;
        }
        int[] inWindow = new int[phraseCounts.length];
        int common = 0;
        int most = 0;
        for (int i = 0; i < textBigrams.length; i++) {
            int entering = textBigrams[i];
            if (entering >= 0 && inWindow[entering]++ < phraseCounts[entering]) {
                common++;
            }
            if (i >= span) {
                int leaving = textBigrams[i - span];
                if (leaving >= 0 && --inWindow[leaving] < phraseCounts[leaving]) {
                    common--;
                }
            }
            if (i >= span - 1) {
                most = Math.max(most, common);
            }
        }
        return 2.0 * most / (phraseCount + span);
    }

    private static int bigram(String s, int at) {
        return s.charAt(at) << 16 | s.charAt(at + 1);
    }

    /** Letters and digits only, lower case: what similarity is measured on. */
    static String letters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }
}
