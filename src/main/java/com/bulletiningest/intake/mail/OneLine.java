package com.bulletiningest.intake.mail;

/**
 * Text from a mail or an exception made into one log line: line breaks and other control characters (a subject may
 * hold {@code \r\n} or NUL, a PostgreSQL error spans lines) become visible escapes, so one event stays one line and a
 * sender cannot forge log lines.
 */
final class OneLine {

    private OneLine() {
    }

    static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r') {
                line.append(' ');
            } else if (Character.isISOControl(c)) {
                line.append(String.format("\\u%04x", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.toString().replaceAll(" {2,}", " ").strip();
    }

    /** The exception's class and message, e.g. {@code StoreException: cannot record …}. */
    static String of(Throwable failure) {
        return of(failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
