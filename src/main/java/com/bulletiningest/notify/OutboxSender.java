package com.bulletiningest.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import com.bulletiningest.notify.Outbox.Pending;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the digests queued in the {@link Outbox}, as multipart/alternative (plain text and HTML, UTF-8).
 * <p>
 * A digest is claimed ({@link QueuedMessages#claim}: committed {@code sending}, then its row locked) while the SMTP
 * server takes it and marked sent in that same transaction right after the server accepted it, so two senders never
 * send the same digest. The one window left: the server accepted the mail but the commit fails (database gone,
 * process killed in between); the digest is then left {@code sending}, and a later run sends it again (at least once),
 * with the same Message-ID ({@code <digest-<bulletin>-<address hash>@bulletin-ingest>}), so a receiving system can
 * drop the copy. A digest the server does not take stays queued and is retried with exponential
 * back-off (5 s, 10 s, 20 s … at most 10 min), its attempts and last error recorded; a digest the server refuses for
 * good (a 5xx reply, e.g. an unknown recipient) is marked failed with the server's reply and not tried again until
 * {@link Outbox#resend} (one ERROR line). A down mail server never throws,
 * an unreachable database throws the store's {@code DatabaseUnavailableException}. A copy of each sent digest is
 * written as {@code digest-<id>.eml} under the sent folder.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final SmtpSettings smtp;
    private final Path sentDir;
    private final Session session;

    public OutboxSender(Outbox outbox, SmtpSettings smtp, Path sentDir) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.sentDir = sentDir;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.auth", String.valueOf(!smtp.user().isEmpty()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.tls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(smtp.tls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        this.session = Session.getInstance(properties);
    }

    /** Sends the digests that are due; returns how many the SMTP server accepted. */
    public int sendPending() {
        for (long id : outbox.sendAgainAbandoned()) {
            LOG.warn("Digest #{}: the service stopped while the mail server took it; sending it again, with the same "
                    + "Message-ID", id);
        }
        int sent = 0;
        for (Pending digest : outbox.due(BATCH)) {
            if (send(digest)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Pending digest) {
        Optional<QueuedMessages.Claim> claim = outbox.claim(digest.id());
        if (claim.isEmpty()) {
            return false; // sent or postponed meanwhile, or another sender has it
        }
        MimeMessage message;
        try (QueuedMessages.Claim held = claim.get()) {
            try {
                message = message(digest);
                Transport.send(message, smtp.user().isEmpty() ? null : smtp.user(), smtp.password());
            } catch (MessagingException e) {
                notSent(held, digest, e);
                return false;
            }
            held.markSent();
        }
        keepCopy(digest, message);
        return true;
    }

    /** A 5xx reply fails the digest for good; anything else (4xx, no connection) is tried again after a back-off. */
    private void notSent(QueuedMessages.Claim held, Pending digest, MessagingException failure) {
        Optional<SmtpReply> reply = SmtpReply.of(failure);
        if (reply.isPresent() && reply.get().permanent()) {
            held.fail(reply.get().text());
            LOG.error("Digest #{} to {} refused by the mail server, not retried (resend it once fixed): {}",
                    digest.id(), digest.recipient(), reply.get().text());
            return;
        }
        String error = reply.map(SmtpReply::text).orElse(String.valueOf(failure.getMessage()));
        int attempts = held.postpone(error);
        LOG.warn("Digest #{} to {} not sent (attempt {}), will retry: {}", digest.id(), digest.recipient(), attempts,
                error);
    }

    private MimeMessage message(Pending digest) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", digest.messageId());
            }
        };
        message.setFrom(new InternetAddress(smtp.from()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(digest.recipient()));
        message.setSubject(digest.subject(), "UTF-8");
        if (digest.html() == null) {
            message.setText(digest.text(), "UTF-8");
        } else {
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(part(digest.text(), "plain")); // the least preferred comes first (RFC 2046)
            alternatives.addBodyPart(part(digest.html(), "html"));
            message.setContent(alternatives);
        }
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, "UTF-8", subtype);
        return part;
    }

    private void keepCopy(Pending digest, MimeMessage message) {
        try {
            Files.createDirectories(sentDir);
            try (OutputStream out = Files.newOutputStream(sentDir.resolve("digest-" + digest.id() + ".eml"))) {
                message.writeTo(out);
            }
        } catch (IOException | MessagingException e) {
            LOG.warn("Digest #{} sent, but its copy could not be written under {}: {}", digest.id(), sentDir, e.getMessage());
        }
    }
}
