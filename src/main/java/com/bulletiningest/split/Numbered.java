package com.bulletiningest.split;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that starts with a number in one of the numbering schemes ({@code 1、}, {@code 1.}, {@code ①},
 * {@code （1）}, {@code 1)}, {@code 一、}): a notice title or an item of a list inside a notice body; which one is
 * decided by {@link SectionReader}, and which scheme numbers the notices by {@link NumberingEvidence}.
 *
 * @param no    the printed number
 * @param style the list mark, so that notices and inner lists written differently stay apart
 * @param rest  the text after the mark
 */
record Numbered(int no, char style, String rest) {

    /** How notices (or inner lists) are numbered. */
    enum Scheme {
        /** {@code 1、 1. 1．}: a decimal such as {@code 4.26} or {@code 1.5%} is not a list mark, hence no digit right after an ASCII dot. */
        ARABIC("0123456789０１２３４５６７８９", "^([0-9０-９]{1,3})\\s*(、|．|\\.(?!\\d)|[，,](?!\\d))\\s*(\\S.*)$"),
        CIRCLED("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", "^([①-⑳])()\\s*(\\S.*)$"),
        PARENTHESISED("（(", "^[（(]\\s*([0-9０-９]{1,2})\\s*([）)])\\s*(\\S.*)$"),
        CLOSING_PARENTHESIS("0123456789０１２３４５６７８９", "^([0-9０-９]{1,2})\\s*([）)])\\s*(\\S.*)$"),
        CHINESE("一二三四五六七八九十", "^([一二三四五六七八九十]{1,3})\\s*(、)\\s*(\\S.*)$");

        /** The characters a line numbered so starts with: most lines start with none, and skip the expression. */
        private final String firstChars;
        private final Pattern pattern;

        Scheme(String firstChars, String regex) {
            this.firstChars = firstChars;
            this.pattern = Pattern.compile(regex);
        }

        /** How the scheme is written, for messages. */
        String example() {
            return switch (this) {
                case ARABIC -> "1、";
                case CIRCLED -> "①";
                case PARENTHESISED -> "（1）";
                case CLOSING_PARENTHESIS -> "1)";
                case CHINESE -> "一、";
            };
        }
    }

    private static final String CHINESE_DIGITS = "一二三四五六七八九";

    static Numbered parse(String text) {
        return parse(text, Scheme.ARABIC);
    }

    static Numbered parse(String text, Scheme scheme) {
        if (text.isEmpty() || scheme.firstChars.indexOf(text.charAt(0)) < 0) {
            return null;
        }
        Matcher m = scheme.pattern.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String number = m.group(1);
        String mark = m.group(2);
        return switch (scheme) {
            case CIRCLED -> new Numbered(number.charAt(0) - '①' + 1, '①', m.group(3));
            case CHINESE -> chinese(number) == 0 ? null : new Numbered(chinese(number), '一', m.group(3));
            case PARENTHESISED -> new Numbered(Integer.parseInt(number), '（', m.group(3));
            // parseInt reads full-width digits too; a comma after the number is OCR's (or a hasty typist's) 、
            default -> new Numbered(Integer.parseInt(number), mark.charAt(0) == '，' || mark.charAt(0) == ',' ? '、' : mark.charAt(0), m.group(3));
        };
    }

    /** 一 … 九十九; 0 when the characters are no number. */
    static int chinese(String text) {
        int ten = text.indexOf('十');
        if (ten < 0) {
            return text.length() == 1 ? CHINESE_DIGITS.indexOf(text.charAt(0)) + 1 : 0;
        }
        String before = text.substring(0, ten);
        String after = text.substring(ten + 1);
        int tens = before.isEmpty() ? 1 : before.length() == 1 ? CHINESE_DIGITS.indexOf(before.charAt(0)) + 1 : 0;
        int units = after.isEmpty() ? 0 : after.length() == 1 ? CHINESE_DIGITS.indexOf(after.charAt(0)) + 1 : -1;
        return tens <= 0 || units < 0 || !after.isEmpty() && units == 0 ? 0 : tens * 10 + units;
    }
}
