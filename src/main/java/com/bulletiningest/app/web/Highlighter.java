package com.bulletiningest.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the words of a query in a text as HTML: the text escaped, each occurrence of a query word (a run of
 * Chinese characters or of Latin letters and digits, any case) wrapped in {@code <mark>}.
 */
final class Highlighter {

    private static final Pattern WORD = Pattern.compile("[\\x{3400}-\\x{9fff}\\x{f900}-\\x{faff}]+|[\\p{Alnum}]+");

    private final List<String> words = new ArrayList<>();

    Highlighter(String query) {
        if (query != null) {
            Matcher word = WORD.matcher(query.toLowerCase(Locale.ROOT));
            while (word.find()) {
                words.add(word.group());
            }
        }
    }

    /** The whole text, escaped, with the query's words marked. */
    String mark(String text) {
        return text == null ? "" : mark(text, 0, text.length());
    }

    /** About {@code length} characters of the text around the first query word, escaped and marked. */
    String snippet(String text, int length) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int first = words.stream().mapToInt(lower::indexOf).filter(i -> i >= 0).min().orElse(0);
        int start = Math.max(0, first - length / 4);
        int end = Math.min(text.length(), start + length);
        return (start > 0 ? "…" : "") + mark(text, start, end) + (end < text.length() ? "…" : "");
    }

    private String mark(String text, int start, int end) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder html = new StringBuilder();
        int i = start;
        while (i < end) {
            String word = wordAt(lower, i, end);
            if (word != null) {
                html.append("<mark>").append(escape(text.substring(i, i + word.length()))).append("</mark>");
                i += word.length();
            } else {
                html.append(escape(text.substring(i, i + 1)));
                i++;
            }
        }
        return html.toString();
    }

    private String wordAt(String lower, int index, int end) {
        String longest = null;
        for (String word : words) {
            if (index + word.length() <= end && lower.startsWith(word, index)
                    && (longest == null || word.length() > longest.length())) {
                longest = word;
            }
        }
        return longest;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
