package com.bulletiningest.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Cuts a notice body into paragraphs (its lines) and sentences, and tidies printed whitespace. */
final class TextParts {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。；;！？!?])");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

    private TextParts() {
    }

    static List<String> paragraphs(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        return Arrays.stream(body.split("\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Whether the text holds an ASCII digit, which every date and phone number the finders read has. */
    static boolean hasDigit(String text) {
        return hasDigits(text, 1);
    }

    /** Whether the text holds {@code count} ASCII digits in a row. */
    static boolean hasDigits(String text, int count) {
        int run = 0;
        for (int i = 0; i < text.length() && run < count; i++) {
            run = text.charAt(i) >= '0' && text.charAt(i) <= '9' ? run + 1 : 0;
        }
        return run >= count;
    }

    static List<String> sentences(String paragraph) {
        List<String> sentences = new ArrayList<>();
        for (String s : SENTENCE_END.split(paragraph)) {
            if (!s.isBlank()) {
                sentences.add(s.strip());
            }
        }
        return sentences;
    }

    /** Runs of spaces (also ideographic ones) as one space, ends trimmed. */
    static String collapse(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    static String withoutSpaces(String text) {
        return SPACES.matcher(text).replaceAll("");
    }
}
