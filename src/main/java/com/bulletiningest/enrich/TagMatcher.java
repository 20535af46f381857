package com.bulletiningest.enrich;

import java.util.List;
import java.time.Duration;
import java.util.regex.Pattern;

/** The five ways a tag rule can match a text (see config/tags.yaml for the admin's view). */
public sealed interface TagMatcher {

    /** Whether the text matches; {@code text} holds the forms the matchers compare, computed once per notice field. */
    boolean matches(MatchText text);

    /** The match kind as tags.yaml names it: any, all, exact, regex or fuzzy. */
    String kind();

    /** What the rule looks for, as written in tags.yaml: its words, or its one phrase or pattern. */
    List<String> terms();

    /** Any of the words occurs; spaces and letter case ignored (PDF text puts spaces in odd places). */
    record AnyWord(List<String> words) implements TagMatcher {
        @Override
        public String kind() {
            return "any";
        }

        @Override
        public List<String> terms() {
            return words;
        }

        @Override
        public boolean matches(MatchText text) {
            String haystack = text.loose();
            return words.stream().anyMatch(w -> haystack.contains(MatchText.loose(w)));
        }
    }

    /** Every word occurs, anywhere and in any order; spaces and letter case ignored. */
    record AllWords(List<String> words) implements TagMatcher {
        @Override
        public String kind() {
            return "all";
        }

        @Override
        public List<String> terms() {
            return words;
        }

        @Override
        public boolean matches(MatchText text) {
            String haystack = text.loose();
            return words.stream().allMatch(w -> haystack.contains(MatchText.loose(w)));
        }
    }

    /** The phrase occurs as written: same case, same characters; only runs of spaces count as one space. */
    record ExactPhrase(String phrase) implements TagMatcher {
        @Override
        public String kind() {
            return "exact";
        }

        @Override
        public List<String> terms() {
            return List.of(phrase);
        }

        @Override
        public boolean matches(MatchText text) {
            return text.collapsed().contains(TextParts.collapse(phrase));
        }
    }

    /**
     * A Java regular expression is found in the text, within {@link #BUDGET} per text: a pattern that backtracks
     * catastrophically is stopped with a {@link RegexTimeoutException}.
     */
    record RegexFind(Pattern pattern) implements TagMatcher {
        /** Far above a real rule's time on a notice (microseconds), far below a pinned core. */
        static final Duration BUDGET = Duration.ofMillis(200);

        @Override
        public String kind() {
            return "regex";
        }

        @Override
        public List<String> terms() {
            return List.of(pattern.pattern());
        }

        @Override
        public boolean matches(MatchText text) {
            return pattern.matcher(new TimeBoundText(text.raw(), BUDGET, pattern.pattern())).find();
        }
    }

    /** The phrase occurs nearly: bigram similarity of its best window at least the threshold (0–1]. */
    record FuzzyPhrase(String phrase, double threshold) implements TagMatcher {
        @Override
        public String kind() {
            return "fuzzy";
        }

        @Override
        public List<String> terms() {
            return List.of(phrase);
        }

        @Override
        public boolean matches(MatchText text) {
            return BigramSimilarity.bestInLetters(BigramSimilarity.letters(phrase), text.letters()) >= threshold;
        }
    }
}
