package com.bulletiningest.app;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The readable text of a received mail: its text parts, HTML tags and the common entities removed. */
final class MailText {

    private MailText() {
    }

    /** Every text part, the HTML ones as text. */
    static String of(Part part) throws Exception {
        return collect(part, true);
    }

    /** The text/plain parts only: a digest's notices once, without their HTML alternative. */
    static String plain(Part part) throws Exception {
        return collect(part, false);
    }

    private static String collect(Part part, boolean withHtml) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(collect(multipart.getBodyPart(i), withHtml)).append('\n');
            }
            return text.toString();
        }
        if (part.isMimeType("text/html")) {
            return !withHtml ? "" : part.getContent().toString().replaceAll("<[^>]*>", " ")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&");
        }
        return part.isMimeType("text/*") ? part.getContent().toString() : "";
    }
}
