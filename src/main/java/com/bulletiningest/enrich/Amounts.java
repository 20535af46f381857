package com.bulletiningest.enrich;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds sums of money: {@code 100 亿元}, {@code 500万元}, {@code 5,000 万元}, {@code 30 元}. */
final class Amounts {

    private static final Pattern AMOUNT = Pattern.compile("(?<![\\d.,])(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(万亿|千万|百万|亿|万|千)?\\s*元");
    private static final Map<String, BigDecimal> UNITS = Map.of(
            "千", BigDecimal.valueOf(1_000L), "万", BigDecimal.valueOf(10_000L),
            "百万", BigDecimal.valueOf(1_000_000L), "千万", BigDecimal.valueOf(10_000_000L),
            "亿", BigDecimal.valueOf(100_000_000L), "万亿", BigDecimal.valueOf(1_000_000_000_000L));

    private Amounts() {
    }

    static List<Amount> find(String body) {
        List<Amount> amounts = new ArrayList<>();
        if (body == null || body.indexOf('元') < 0) {
            return amounts;
        }
        Matcher m = AMOUNT.matcher(body);
        while (m.find()) {
            BigDecimal yuan = new BigDecimal(m.group(1).replace(",", ""));
            if (m.group(2) != null) {
                yuan = yuan.multiply(UNITS.get(m.group(2)));
            }
            Amount amount = new Amount(TextParts.withoutSpaces(m.group()), yuan.stripTrailingZeros());
            if (!amounts.contains(amount)) {
                amounts.add(amount);
            }
        }
        return amounts;
    }
}
