package com.bulletiningest.intake.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as written in configuration: {@code 20MB}, {@code 512KB}, {@code 1GB} or plain bytes (binary multiples). */
public final class DataSize {

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+)\\s*([KMG]?B?)\\s*", Pattern.CASE_INSENSITIVE);

    private DataSize() {
    }

    /** @throws IllegalArgumentException naming the value when it is not a size */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size (expected e.g. 20MB, 512KB or 1048576): '" + text + "'");
        }
        long number = Long.parseLong(m.group(1));
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        int shift = unit.startsWith("K") ? 10 : unit.startsWith("M") ? 20 : unit.startsWith("G") ? 30 : 0;
        return number << shift;
    }

    /** Whole units when exact ({@code 20 MB}), else one decimal from 1 MB on ({@code 20.5 MB}), else bytes. */
    static String format(long bytes) {
        if (bytes >= 1 << 20) {
            return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB"
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
        }
        return bytes % (1 << 10) == 0 && bytes > 0 ? (bytes >> 10) + " KB" : bytes + " bytes";
    }
}
