package com.bulletiningest.intake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.bulletiningest.store.db.ContentHash;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * Finds every PDF in a mail message: attachments, inline parts, and PDFs inside forwarded messages
 * ({@code message/rfc822}) at any depth up to {@link #MAX_DEPTH}.
 * <p>
 * A part is a PDF when its decoded bytes start with {@code %PDF-}; its name and declared content type are not
 * trusted. Each distinct PDF is returned once per message, however often it is attached. Parts larger than the
 * limit are skipped without being read to the end.
 * <p>
 * Give it a local copy of a fetched message ({@code new MimeMessage(imapMessage)}), not the IMAP message itself:
 * reading parts one by one relies on the server numbering nested parts right, and GreenMail's IMAP server returns
 * the wrong part for a forward inside a forward.
 */
public class PdfAttachmentFinder {

    /** Forwards of forwards deeper than this are not followed (a guard against crafted nesting). */
    static final int MAX_DEPTH = 10;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final long maxAttachmentSize;

    /** @param maxAttachmentSize the largest decoded part, in bytes, taken as a PDF */
    public PdfAttachmentFinder(long maxAttachmentSize) {
        if (maxAttachmentSize < PDF_MAGIC.length) {
            throw new IllegalArgumentException("maximum attachment size too small: " + maxAttachmentSize);
        }
        this.maxAttachmentSize = maxAttachmentSize;
    }

    public MailPdfs find(Part message) {
        Walk walk = new Walk();
        walk.visit(message, 0);
        return new MailPdfs(walk.pdfs, walk.skipped, walk.unreadable);
    }

    /** The state of one walk over one message's MIME tree. */
    private final class Walk {
        private final List<FoundPdf> pdfs = new ArrayList<>();
        private final List<SkippedPart> skipped = new ArrayList<>();
        private final List<SkippedPart> unreadable = new ArrayList<>();
        private final Map<String, String> namesByHash = new HashMap<>();
        private int leaves;

        void visit(Part part, int depth) {
            String name = null;
            try {
                name = AttachmentNames.decodeAndSanitise(part.getFileName());
                if (part.isMimeType("multipart/*")) {
                    Multipart multipart = (Multipart) part.getContent();
                    for (int i = 0; i < multipart.getCount(); i++) {
                        visit(multipart.getBodyPart(i), depth);
                    }
                } else if (part.isMimeType("message/rfc822")) {
                    if (depth >= MAX_DEPTH) {
                        skipped.add(new SkippedPart(describe(name), "forwarded messages nested deeper than " + MAX_DEPTH));
                    } else {
                        visit(forwarded(part), depth + 1);
                    }
                } else {
                    leaf(part, name);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                // a malformed part must not hide the PDFs in its siblings
                unreadable.add(new SkippedPart(name != null ? name : unnamed(part, depth), String.valueOf(e.getMessage())));
            }
        }

        private void leaf(Part part, String name) throws MessagingException, IOException {
            leaves++;
            byte[] content;
            try (InputStream in = part.getInputStream()) {
                byte[] head = in.readNBytes(PDF_MAGIC.length);
                if (!Arrays.equals(head, PDF_MAGIC)) {
                    if (name != null) {
                        skipped.add(new SkippedPart(name, "not a PDF"));
                    }
                    return;
                }
                byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxAttachmentSize - head.length + 1));
                if (head.length + rest.length > maxAttachmentSize) {
                    skipped.add(new SkippedPart(describe(name), "larger than the limit of " + DataSize.format(maxAttachmentSize)));
                    return;
                }
                content = new byte[head.length + rest.length];
                System.arraycopy(head, 0, content, 0, head.length);
                System.arraycopy(rest, 0, content, head.length, rest.length);
            }
            String pdfName = name != null ? name : "attachment-" + leaves + ".pdf";
            String firstName = namesByHash.putIfAbsent(ContentHash.sha256(content), pdfName);
            if (firstName != null) {
                skipped.add(new SkippedPart(pdfName, "the same PDF as " + firstName));
            } else {
                pdfs.add(new FoundPdf(pdfName, content));
            }
        }

        private String describe(String name) {
            return name != null ? name : "unnamed part";
        }

        private String unnamed(Part part, int depth) {
            if (part instanceof Message) {
                return depth == 0 ? "the message" : "a forwarded message";
            }
            return "unnamed part";
        }
    }

    /** Parses the forwarded message from its own bytes, whatever object model the mail provider offers for it. */
    private static Part forwarded(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new MimeMessage(null, in);
        }
    }

}
