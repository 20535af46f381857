package com.bulletiningest.app;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The readable text of a received mail: its text parts, HTML tags and the common entities removed. */
final class MailText {

    private MailText() {
    }

    static String of(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(of(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        if (part.isMimeType("text/html")) {
            return part.getContent().toString().replaceAll("<[^>]*>", " ")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&");
        }
        return part.isMimeType("text/*") ? part.getContent().toString() : "";
    }
}
