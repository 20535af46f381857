package com.bulletiningest.split;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section heading such as {@code 医药信息篇（2021/3/8~2021/3/12）}: the name ending in 篇 and the period it covers.
 * The end of the period may leave out the year ({@code 2021/3/8~3/12}); a period ending before it starts runs into
 * the next year.
 */
record SectionHeading(String name, LocalDate start, LocalDate end) {

    private static final String YMD = "(\\d{4})\\s*[/.\\-年]\\s*(\\d{1,2})\\s*[/.\\-月]\\s*(\\d{1,2})\\s*日?";
    private static final String OPTIONAL_Y_MD = "(?:(\\d{4})\\s*[/.\\-年]\\s*)?(\\d{1,2})\\s*[/.\\-月]\\s*(\\d{1,2})\\s*日?";
    private static final String PERIOD = YMD + "\\s*(?:[~～—–\\-]+|至|到)\\s*" + OPTIONAL_Y_MD;
    /** {@code 医药信息篇（period）}, also numbered ({@code 一、}) or with a colon instead of the parentheses. */
    private static final Pattern HEADING = Pattern.compile("^(?:[一二三四五六七八九十]+[、.．]\\s*)?([^\\s，。：:、（()）]{1,20}篇)\\s*"
            + "(?:[（(]\\s*" + PERIOD + "\\s*[）)]|[:：]?\\s*" + PERIOD + ")$");

    static SectionHeading parse(String text) {
        if (text.indexOf('篇') < 0) {
            return null; // most lines: no need to run the expression
        }
        Matcher m = HEADING.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int g = m.group(2) != null ? 2 : 8;
        LocalDate start = Texts.date(m.group(g), m.group(g + 1), m.group(g + 2));
        String endYear = m.group(g + 3) != null ? m.group(g + 3) : m.group(g);
        LocalDate end = Texts.date(endYear, m.group(g + 4), m.group(g + 5));
        if (start == null || end == null) {
            return null;
        }
        if (m.group(g + 3) == null && end.isBefore(start)) {
            end = end.plusYears(1);
        }
        return new SectionHeading(m.group(1), start, end);
    }
}
