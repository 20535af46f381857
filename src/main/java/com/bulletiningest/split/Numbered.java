package com.bulletiningest.split;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that starts with an arabic number and a list mark ({@code 1、}, {@code 1.}, {@code 1．}): a notice title
 * or an item of a list inside a notice body; which one is decided by {@link SectionReader}.
 *
 * @param no    the printed number
 * @param style the list mark, so that notices and inner lists written differently stay apart
 * @param rest  the text after the mark
 */
record Numbered(int no, char style, String rest) {

    /** A decimal such as {@code 4.26} or {@code 1.5%} is not a list mark, hence no digit right after an ASCII dot. */
    private static final Pattern NUMBERED = Pattern.compile("^([0-9０-９]{1,3})\\s*(、|．|\\.(?!\\d)|[，,](?!\\d))\\s*(\\S.*)$");

    /** A comma after the number is OCR's (or a hasty typist's) reading of 、: the same style. */
    static Numbered parse(String text) {
        Matcher m = NUMBERED.matcher(text);
        if (!m.matches()) {
            return null;
        }
        char style = m.group(2).charAt(0) == '，' || m.group(2).charAt(0) == ',' ? '、' : m.group(2).charAt(0);
        return new Numbered(Integer.parseInt(m.group(1)), style, m.group(3));
    }
}
