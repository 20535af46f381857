package com.bulletiningest.enrich;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates as bulletins print them: {@code 2021 年 3 月 8 日}, {@code 2021年 3月 8日}, {@code 3 月 19日},
 * {@code 2021-3-3}. A date without a year takes the year of the date before it in the same text ({@code 2021年 3月
 * 8日至 3月 19日}), else the reference date's year, moved on a year when that would put it half a year or more before
 * the reference (a December bulletin's {@code 1 月 15 日前} means next January).
 */
final class ChineseDates {

    private static final Pattern DATE = Pattern.compile(
            "(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日"
                    + "|(?<![\\d.-])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d-])");

    /** A date found in a text and where it is. */
    record Mention(LocalDate date, boolean yearPrinted, int start, int end) {
    }

    private ChineseDates() {
    }

    static List<Mention> find(String text, LocalDate reference) {
        List<Mention> mentions = new ArrayList<>();
        if (!TextParts.hasDigit(text)) {
            return mentions;
        }
        Integer contextYear = null;
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            boolean iso = m.group(4) != null;
            String yearText = iso ? m.group(4) : m.group(1);
            int month = Integer.parseInt(iso ? m.group(5) : m.group(2));
            int day = Integer.parseInt(iso ? m.group(6) : m.group(3));
            try {
                LocalDate date;
                if (yearText != null) {
                    contextYear = Integer.parseInt(yearText);
                    date = LocalDate.of(contextYear, month, day);
                } else if (contextYear != null) {
                    date = LocalDate.of(contextYear, month, day);
                } else {
                    date = LocalDate.of(reference.getYear(), month, day);
                    if (date.isBefore(reference.minusMonths(6))) {
                        date = date.plusYears(1);
                    }
                }
                mentions.add(new Mention(date, yearText != null, m.start(), m.end()));
            } catch (DateTimeException e) {
                // 2 月 30 日 and the like are not dates; skip them
            }
        }
        return mentions;
    }

    /** The text if it is nothing but one date with its year, e.g. the date line under a signature. */
    static LocalDate wholeDate(String text, LocalDate reference) {
        String trimmed = text.strip();
        List<Mention> mentions = find(trimmed, reference);
        if (mentions.size() == 1 && mentions.get(0).yearPrinted()
                && mentions.get(0).start() == 0 && mentions.get(0).end() == trimmed.length()) {
            return mentions.get(0).date();
        }
        return null;
    }
}
