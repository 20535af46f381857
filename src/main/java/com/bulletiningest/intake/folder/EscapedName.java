package com.bulletiningest.intake.folder;

/**
 * A file name as it may be logged and stored: control characters, line and paragraph separators and bidirectional
 * overrides (which can forge a log line or make a name read backwards) are written as escapes ({@code \n},
 * {@code \t}, {@code \u202E}), everything else as it is.
 */
public final class EscapedName {

    private EscapedName() {
    }

    public static String of(String name) {
        StringBuilder escaped = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        escaped.append(String.format("\\u%04X", c));
                    } else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean unsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE // a lone half of a pair: a name that is not valid Unicode
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
