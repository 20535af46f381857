package com.bulletiningest.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

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
 * Sends the digests the store queued in the outbox table, as multipart/alternative (plain text and HTML, UTF-8).
 * <p>
 * A digest's row is locked ({@code for update skip locked}) while the SMTP server takes it and marked sent in that same
 * transaction right after the server accepted it, so two senders never send the same digest. The one window left: the
 * server accepted the mail but the commit fails (database gone, process killed in between); the digest is then sent
 * again on the next run, with the same Message-ID ({@code <digest-<bulletin>-<address hash>@bulletin-ingest>}), so a
 * receiving system can drop the copy. A digest the server does not take stays queued and is retried with exponential
 * back-off (5 s, 10 s, 20 s … at most 10 min), its attempts and last error recorded; a down server never throws. A copy
 * of each sent digest is written as {@code digest-<id>.eml} under the sent folder.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;
    private static final int FIRST_BACKOFF_SECONDS = 5;
    private static final int MAX_BACKOFF_SECONDS = 600;

    private record Pending(long id, String recipient, String subject, String text, String html, String messageId) {
    }

    private final DataSource dataSource;
    private final SmtpSettings smtp;
    private final Path sentDir;
    private final Session session;

    public OutboxSender(DataSource dataSource, SmtpSettings smtp, Path sentDir) {
        this.dataSource = dataSource;
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
    public int sendPending() throws SQLException {
        int sent = 0;
        for (Pending digest : due()) {
            if (send(digest)) {
                sent++;
            }
        }
        return sent;
    }

    private List<Pending> due() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select id, recipient, subject, body, html, message_id "
                     + "from outbox where sent_at is null and next_attempt_at <= now() order by id limit " + BATCH);
             ResultSet rows = query.executeQuery()) {
            List<Pending> due = new ArrayList<>();
            while (rows.next()) {
                due.add(new Pending(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6)));
            }
            return due;
        }
    }

    private boolean send(Pending digest) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "select 1 from outbox where id = ? and sent_at is null and next_attempt_at <= now() for update skip locked")) {
                lock.setLong(1, digest.id());
                if (!lock.executeQuery().next()) {
                    connection.rollback();
                    return false; // sent or postponed meanwhile, or another sender has it
                }
            }
            MimeMessage message;
            try {
                message = message(digest);
                Transport.send(message, smtp.user().isEmpty() ? null : smtp.user(), smtp.password());
            } catch (MessagingException e) {
                connection.rollback();
                postpone(digest, e);
                return false;
            }
            try (PreparedStatement done = connection.prepareStatement("update outbox set sent_at = now() where id = ?")) {
                done.setLong(1, digest.id());
                done.executeUpdate();
            }
            connection.commit();
            keepCopy(digest, message);
            return true;
        }
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

    private void postpone(Pending digest, MessagingException failure) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update outbox set attempts = attempts + 1, "
                     + "next_attempt_at = now() + least(? * power(2, attempts), ?) * interval '1 second', last_error = ? "
                     + "where id = ? returning attempts")) {
            update.setInt(1, FIRST_BACKOFF_SECONDS);
            update.setInt(2, MAX_BACKOFF_SECONDS);
            update.setString(3, String.valueOf(failure.getMessage()));
            update.setLong(4, digest.id());
            try (ResultSet attempts = update.executeQuery()) {
                attempts.next();
                LOG.warn("Digest #{} to {} not sent (attempt {}), will retry: {}", digest.id(), digest.recipient(),
                        attempts.getInt(1), failure.getMessage());
            }
        }
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
