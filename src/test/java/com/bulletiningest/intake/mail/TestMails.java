package com.bulletiningest.intake.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

/** Builds the kinds of mail people forward to the bulletin mailbox, with the MIME headers spelled out. */
final class TestMails {

    static final String MAILBOX = "bulletins@localhost";

    private static final Session SESSION = Session.getInstance(new Properties());

    private TestMails() {
    }

    /**
     * A message exactly as written, headers and all (lines end in CRLF on the wire), for what a mail program would
     * refuse to produce: malformed headers, a multipart without boundary.
     */
    static MimeMessage raw(String text) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** Bytes that pass as a PDF by their header; {@code tag} makes each one distinct. */
    static byte[] fakePdf(String tag) {
        return ("%PDF-1.7\n% " + tag + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static MimeMessage message(String from, String subject, BodyPart... parts) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject, "UTF-8");
        MimeMultipart multipart = new MimeMultipart();
        multipart.addBodyPart(text("请查收本周简报。"));
        for (BodyPart part : parts) {
            multipart.addBodyPart(part);
        }
        message.setContent(multipart);
        message.saveChanges();
        return message;
    }

    static MimeBodyPart text(String text) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8");
        return part;
    }

    /** An attachment whose Content-Disposition is given verbatim, e.g. with an RFC 2231 or RFC 2047 name. */
    static MimeBodyPart attachment(byte[] content, String contentType, String disposition) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
        part.setHeader("Content-Type", contentType);
        part.setHeader("Content-Transfer-Encoding", "base64");
        part.setHeader("Content-Disposition", disposition);
        return part;
    }

    static MimeBodyPart pdfAttachment(byte[] content, String asciiName) throws MessagingException {
        return attachment(content, "application/pdf", "attachment; filename=\"" + asciiName + "\"");
    }

    /** {@code filename*=UTF-8''%E5%8C%BB…} (RFC 2231), as Outlook and Gmail write non-ASCII names. */
    static String rfc2231Disposition(String name) {
        return "attachment; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code filename="=?UTF-8?B?…?="} (RFC 2047 inside a parameter), as many older mailers write them. */
    static String rfc2047Disposition(String name) {
        return "attachment; filename=\"=?UTF-8?B?"
                + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=\"";
    }

    /** A forward-as-attachment: the whole message travels as a {@code message/rfc822} part. */
    static MimeBodyPart forwarded(MimeMessage original) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        original.writeTo(raw);
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(raw.toByteArray(), "message/rfc822")));
        part.setHeader("Content-Type", "message/rfc822");
        part.setDisposition("attachment");
        return part;
    }
}
