package com.bulletiningest.intake.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.intake.EscapedText;
import com.bulletiningest.store.db.DatabaseUnavailableException;
import com.bulletiningest.store.intake.IntakeAttempts;
import com.bulletiningest.store.intake.MailMessages;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what one mailed-in message yields: checks the sender, ingests each PDF found in it, and records the
 * outcome per Message-ID so that a message delivered twice is taken once.
 * <p>
 * Nothing here is final until the mailbox route moves the message out of the inbox after {@link #handle} returned.
 * While the database cannot be reached {@code handle} throws {@link DatabaseUnavailableException}: the message stays
 * unread in the inbox and the next poll takes it again; the PDFs already stored then come back as duplicates. Any other
 * failure is counted in {@link IntakeAttempts}: {@code handle} throws {@link MailAttemptFailedException} until the
 * message has failed {@code maxAttempts} times, then it is {@code FAILED} with the last error as its reason.
 */
public class MailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

    private final SenderPolicy senders;
    private final PdfAttachmentFinder finder;
    private final MailMessages messages;
    private final IntakeAttempts attempts;
    private final Limits limits;

    /**
     * @param maxMessageSize larger messages are not downloaded but Failed with the reason
     * @param maxAttempts    how often a message may fail (not counting an unreachable database) before it is Failed
     */
    public record Limits(long maxMessageSize, int maxAttempts) {
    }

    public MailIntake(SenderPolicy senders, PdfAttachmentFinder finder, MailMessages messages, IntakeAttempts attempts,
                      Limits limits) {
        this.senders = senders;
        this.finder = finder;
        this.messages = messages;
        this.attempts = attempts;
        this.limits = limits;
    }

    /**
     * @param polled the message as the mail provider handed it over; only its headers are read before the checks,
     *               then a local copy of the whole (see {@link PdfAttachmentFinder})
     * @throws MessagingException when the message cannot be fetched from the mail server at all
     */
    public MailOutcome handle(MimeMessage polled, PdfIngest ingest) throws MessagingException {
        ReceivedMail mail;
        try {
            mail = ReceivedMail.of(polled);
        } catch (MessagingException | RuntimeException e) {
            Optional<RuntimeException> mailbox = mailboxFailure(polled, e);
            if (mailbox.isPresent()) {
                throw mailbox.get();
            }
            throw e;
        }
        if (mail.fromProblem() != null) {
            return logged(mail, new MailOutcome(MailOutcome.Status.REJECTED, "sender unknown: " + mail.fromProblem()));
        }
        Optional<String> refusal = senders.refusal(mail.from());
        if (refusal.isPresent()) {
            return logged(mail, new MailOutcome(MailOutcome.Status.REJECTED, refusal.get()));
        }
        MailOutcome outcome;
        try {
            outcome = read(mail, polled, ingest);
        } catch (MessagingException | RuntimeException e) {
            if (DatabaseUnavailableException.isCause(e)) {
                // also when a bean call of direct:ingest wrapped it
                throw e instanceof DatabaseUnavailableException unavailable ? unavailable
                        : new DatabaseUnavailableException("the database cannot be reached", e);
            }
            Optional<RuntimeException> mailbox = mailboxFailure(polled, e);
            if (mailbox.isPresent()) {
                throw mailbox.get();
            }
            return failedAttempt(mail, e);
        }
        attempts.forget(IntakeAttempts.Kind.MAIL, mail.key());
        return logged(mail, outcome);
    }

    /**
     * A failure of the mailbox rather than of the message, which must not count as an attempt: the connection lost, or
     * the message gone from the folder.
     */
    private static Optional<RuntimeException> mailboxFailure(MimeMessage polled, Exception e) {
        if (MailboxConnectionLostException.isCause(e)) {
            return Optional.of(new MailboxConnectionLostException(e));
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MessageRemovedException) {
                return Optional.of(new MailGoneException("mail #" + polled.getMessageNumber()
                        + " left the folder before it was read (deleted or moved by someone else): nothing taken", e));
            }
        }
        return Optional.empty();
    }

    private MailOutcome read(ReceivedMail mail, MimeMessage polled, PdfIngest ingest) throws MessagingException {
        Optional<Instant> earlier = messages.processedAt(mail.key());
        if (earlier.isPresent()) {
            return new MailOutcome(MailOutcome.Status.PROCESSED, "already processed on " + earlier.get() + ", nothing new");
        }
        if (polled.getSize() > limits.maxMessageSize()) {
            return recorded(mail, new MailOutcome(MailOutcome.Status.FAILED, "the message ("
                    + DataSize.format(polled.getSize()) + ") is larger than bulletin.mail.max-message-size ("
                    + DataSize.format(limits.maxMessageSize()) + ")"), 0);
        }

        MailPdfs found = finder.find(new MimeMessage(polled));
        List<String> taken = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (FoundPdf pdf : found.pdfs()) {
            try {
                taken.add(pdf.originalName() + " " + ingest.ingest(pdf, mail.messageId()));
            } catch (UnreadableBulletinException e) {
                refused.add(pdf.originalName() + ": " + e.getMessage());
            }
        }
        return recorded(mail, summary(found, taken, refused), found.pdfs().size());
    }

    private static MailOutcome summary(MailPdfs found, List<String> taken, List<String> refused) {
        String skipped = listed("; skipped ", found.skipped()) + listed("; unreadable ", found.unreadable());
        if (found.pdfs().isEmpty()) {
            return found.unreadable().isEmpty()
                    ? new MailOutcome(MailOutcome.Status.PROCESSED, "no PDF in the message" + skipped)
                    : new MailOutcome(MailOutcome.Status.FAILED, "the message's structure cannot be read, no PDF found"
                            + skipped);
        }
        if (taken.isEmpty()) {
            return new MailOutcome(MailOutcome.Status.FAILED,
                    "no PDF could be read: " + String.join("; ", refused) + skipped);
        }
        String failed = refused.isEmpty() ? "" : "; refused " + String.join("; ", refused);
        return new MailOutcome(MailOutcome.Status.PROCESSED, String.join(", ", taken) + failed + skipped);
    }

    private static String listed(String prefix, List<SkippedPart> parts) {
        return parts.isEmpty() ? "" : prefix + parts.stream().map(SkippedPart::toString).collect(Collectors.joining(", "));
    }

    /**
     * Counts the failure; below the limit the message is left for the next poll, at the limit it is Failed with the
     * error as its reason and one ERROR line.
     */
    private MailOutcome failedAttempt(ReceivedMail mail, Exception failure) {
        String error = EscapedText.oneLine(failure);
        int attempt = attempts.failed(IntakeAttempts.Kind.MAIL, mail.key(), error);
        if (attempt < limits.maxAttempts()) {
            throw new MailAttemptFailedException("mail " + mail + ": attempt " + attempt + " of "
                    + limits.maxAttempts() + " failed: " + error, failure);
        }
        MailOutcome failed = recorded(mail, new MailOutcome(MailOutcome.Status.FAILED,
                "gave up after " + attempt + " attempts: " + error), 0);
        attempts.forget(IntakeAttempts.Kind.MAIL, mail.key());
        LOG.error("mail {} -> {}: {}", mail, failed.status().folder(), failed.note());
        return failed;
    }

    private MailOutcome recorded(ReceivedMail mail, MailOutcome outcome, int pdfCount) {
        messages.record(new MailMessages.Entry(mail.key(), mail.messageId(), mail.sender(), mail.subject(),
                MailMessages.Status.valueOf(outcome.status().name()), outcome.note(), pdfCount));
        return outcome;
    }

    private static MailOutcome logged(ReceivedMail mail, MailOutcome outcome) {
        String line = "mail " + mail + " -> " + outcome.status().folder() + ": " + EscapedText.oneLine(outcome.note());
        if (outcome.status() == MailOutcome.Status.PROCESSED) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
        return outcome;
    }
}
