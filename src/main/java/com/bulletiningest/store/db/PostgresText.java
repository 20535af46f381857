package com.bulletiningest.store.db;

/**
 * Text as PostgreSQL can hold it: a {@code text} value cannot contain NUL (U+0000), and the UTF-8 encoder rejects
 * lone surrogates. Anything bound for the database that came from outside (names, subjects, extracted text, error
 * messages) passes through {@link #clean} so that a hostile or broken input cannot make every write fail.
 */
public final class PostgresText {

    private PostgresText() {
    }

    /** The text without NUL characters and lone surrogates; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder cleaned = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean storable = c != '\0' && (pair || !Character.isSurrogate(c));
            if (!storable && cleaned == null) {
                cleaned = new StringBuilder(text.length()).append(text, 0, i);
            } else if (storable && cleaned != null) {
                cleaned.append(c);
            }
            if (pair) {
                if (cleaned != null) {
                    cleaned.append(text.charAt(i + 1));
                }
                i++;
            }
        }
        return cleaned == null ? text : cleaned.toString();
    }
}
