package com.bulletiningest.split;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text shapes the splitter recognises, independent of where a line sits. */
final class Texts {

    /** Printed dates: {@code 2021 年 03 月 12 日}, {@code 2021-3-2}, {@code 2021/3/2}, {@code 2021.3.2}. */
    static final String DATE = "(\\d{4})\\s*(?:年|[-/.])\\s*(\\d{1,2})\\s*(?:月|[-/.])\\s*(\\d{1,2})\\s*日?";

    private static final Pattern DATE_LINE = Pattern.compile("^" + DATE + "$");
    /** URL characters only: a body line that starts with a URL and goes on in Chinese is text. */
    private static final String URL_CHARS = "[\\w\\-.~:/?#\\[\\]@!$&'()*+,;=%]";
    private static final Pattern URL_LINE = Pattern.compile("^(?:https?://|javascript:|www\\.)" + URL_CHARS + "*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_TAIL = Pattern.compile("^" + URL_CHARS + "+$");
    /** Enumeration marks of body structure: 一、 （一） (1) 1、 1. 1． ① 第一 … */
    private static final Pattern ENUMERATED = Pattern.compile(
            "^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[、.．\\-]|[①-⑳]|第[一二三四五六七八九十\\d]+[条章节部分])");
    private static final String TERMINAL = "。！？；：!?;:，,";
    private static final String SENTENCE_END = "。！？；!?;";
    private static final String CLOSERS = "”’」』）)》";

    private Texts() {
    }

    static LocalDate dateLine(String text) {
        Matcher m = DATE_LINE.matcher(text.strip());
        return m.matches() ? date(m.group(1), m.group(2), m.group(3)) : null;
    }

    static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static boolean isUrlLine(String text) {
        return URL_LINE.matcher(text).matches();
    }

    /** The rest of a URL printed over more than one line: URL characters only, no blanks, no CJK. */
    static boolean isUrlTail(String text) {
        return URL_TAIL.matcher(text).matches();
    }

    static boolean isEnumerated(String text) {
        return ENUMERATED.matcher(text).find();
    }

    /** Whether the text ends a sentence or clause, so the next line cannot be its wrapped rest. */
    static boolean endsClause(String text) {
        return endsWithOneOf(text, TERMINAL);
    }

    /** Whether the text ends a sentence: after a comma or colon (网址：) the sentence goes on. */
    static boolean endsSentence(String text) {
        return endsWithOneOf(text, SENTENCE_END);
    }

    private static boolean endsWithOneOf(String text, String terminal) {
        String t = text.strip();
        int end = t.length();
        while (end > 0 && CLOSERS.indexOf(t.charAt(end - 1)) >= 0 && end > 1 && terminal.indexOf(t.charAt(end - 2)) >= 0) {
            end--;
        }
        return end > 0 && terminal.indexOf(t.charAt(end - 1)) >= 0;
    }

    /** Whether every opened bracket or quote is closed; a title broken inside one goes on. */
    static boolean balanced(String text) {
        int round = 0;
        int book = 0;
        int quote = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '（', '(' -> round++;
                case '）', ')' -> round--;
                case '《' -> book++;
                case '》' -> book--;
                case '“' -> quote++;
                case '”' -> quote--;
                default -> {
                }
            }
        }
        return round <= 0 && book <= 0 && quote <= 0;
    }

    /** Removes all whitespace, the way titles are compared. */
    static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
