package com.bulletiningest.intake;

/**
 * Text from outside (a file name, a mail's subject or sender, an error quoting them) as it may be logged and stored:
 * control characters, line and paragraph separators and bidirectional overrides (which can forge a log line or make a
 * name read backwards) are written as escapes ({@code \n}, {@code \t}, {@code \u202E}), everything else as it is.
 */
public final class EscapedText {

    private EscapedText() {
    }

    /** Every character kept, the unsafe ones escaped: for names, which must stay recognisable exactly. */
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

    /**
     * One line for the log: line breaks become spaces (an error message spanning lines stays readable), runs of spaces
     * one, the rest escaped as by {@link #of}.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "null";
        }
        return of(text.replaceAll("[\\r\\n]+", " ").replaceAll(" {2,}", " ").strip());
    }

    /** The exception's class and message on one line, e.g. {@code StoreException: cannot record …}. */
    public static String oneLine(Throwable failure) {
        return oneLine(failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    private static boolean unsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE // a lone half of a pair: a name that is not valid Unicode
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
