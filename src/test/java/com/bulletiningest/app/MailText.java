package com.bulletiningest.app;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The readable text of a received mail: its text parts, HTML tags and the common entities removed. */
final class MailText {

    /** Which parts are collected, and how. */
    private enum Take { ALL_AS_TEXT, PLAIN, HTML_SOURCE }

    private MailText() {
    }

    /** Every text part, the HTML ones as text. */
    static String of(Part part) throws Exception {
        return collect(part, Take.ALL_AS_TEXT);
    }

    /** The text/plain parts only: a digest's notices once, without their HTML alternative. */
    static String plain(Part part) throws Exception {
        return collect(part, Take.PLAIN);
    }

    /** The text/html parts only, as written (tags, attributes and entities kept). */
    static String html(Part part) throws Exception {
        return collect(part, Take.HTML_SOURCE);
    }

    private static String collect(Part part, Take take) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(collect(multipart.getBodyPart(i), take)).append('\n');
            }
            return text.toString();
        }
        if (part.isMimeType("text/html")) {
            return switch (take) {
                case PLAIN -> "";
                case HTML_SOURCE -> part.getContent().toString();
                case ALL_AS_TEXT -> part.getContent().toString().replaceAll("<[^>]*>", " ")
                        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                        .replace("&amp;", "&");
            };
        }
        return take != Take.HTML_SOURCE && part.isMimeType("text/*") ? part.getContent().toString() : "";
    }
}
