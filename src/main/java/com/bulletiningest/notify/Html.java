package com.bulletiningest.notify;

import java.util.Locale;

/** The little HTML a digest needs: text escaped for element content and quoted attributes. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Only http(s) links become anchors: a {@code javascript:} or {@code file:} URI from a PDF stays plain text. */
    static boolean isWebLink(String uri) {
        String lower = uri.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
