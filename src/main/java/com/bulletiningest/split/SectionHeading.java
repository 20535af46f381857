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
    private static final Pattern HEADING = Pattern.compile(
            "^([^\\s，。：:、（()）]{1,20}篇)\\s*[（(]\\s*" + YMD + "\\s*(?:[~～—–\\-]+|至|到)\\s*" + OPTIONAL_Y_MD + "\\s*[）)]$");

    static SectionHeading parse(String text) {
        Matcher m = HEADING.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        LocalDate start = Texts.date(m.group(2), m.group(3), m.group(4));
        if (start == null) {
            return null;
        }
        String endYear = m.group(5) != null ? m.group(5) : m.group(2);
        LocalDate end = Texts.date(endYear, m.group(6), m.group(7));
        if (end == null) {
            return null;
        }
        if (m.group(5) == null && end.isBefore(start)) {
            end = end.plusYears(1);
        }
        return new SectionHeading(m.group(1), start, end);
    }
}
