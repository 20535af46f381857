package com.bulletiningest.enrich;

import java.util.HashMap;
import java.util.Map;

/**
 * How closely a phrase appears in a text: the best Dice coefficient of character bigrams between the phrase and any
 * window of the text as long as the phrase, one character shorter or longer. Spaces and punctuation are ignored, so
 * {@code 专精特新小巨人} is found in {@code 专精特新“小巨人”} (1.0) and {@code 科技型中小企业} in {@code 科技型中小微企业}
 * (0.77).
 */
final class BigramSimilarity {

    private BigramSimilarity() {
    }

    static double best(String phrase, String text) {
        String p = letters(phrase);
        String t = letters(text);
        if (p.length() < 2 || t.length() < 2) {
            return p.equals(t) && !p.isEmpty() ? 1.0 : 0.0;
        }
        Map<String, Integer> phraseBigrams = bigrams(p);
        double best = 0;
        for (int width = Math.max(2, p.length() - 1); width <= p.length() + 1; width++) {
            for (int start = 0; start + width <= t.length(); start++) {
                best = Math.max(best, dice(phraseBigrams, p.length() - 1, t.substring(start, start + width)));
                if (best == 1.0) {
                    return best;
                }
            }
        }
        return best;
    }

    private static double dice(Map<String, Integer> phraseBigrams, int phraseCount, String window) {
        Map<String, Integer> remaining = new HashMap<>(phraseBigrams);
        int common = 0;
        for (int i = 0; i + 2 <= window.length(); i++) {
            Integer left = remaining.get(window.substring(i, i + 2));
            if (left != null && left > 0) {
                remaining.put(window.substring(i, i + 2), left - 1);
                common++;
            }
        }
        return 2.0 * common / (phraseCount + window.length() - 1);
    }

    private static Map<String, Integer> bigrams(String s) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            counts.merge(s.substring(i, i + 2), 1, Integer::sum);
        }
        return counts;
    }

    /** Letters and digits only, lower case: what similarity is measured on. */
    private static String letters(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }
}
