package com.bulletiningest.intake.mail;

import com.bulletiningest.extract.UnreadableBulletinException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides what one mailed-in message yields: checks the sender, ingests each PDF found in it, and records the
 * outcome per Message-ID so that a message delivered twice is taken once.
 * <p>
 * Nothing here is final until the mailbox route moves the message out of the inbox after {@link #handle} returned.
 * Should anything but an unreadable PDF fail (the database is down), {@code handle} throws, the message stays unread
 * in the inbox and the next poll takes it again; the PDFs already stored then come back as duplicates.
 */
public class MailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

    private final SenderPolicy senders;
    private final PdfAttachmentFinder finder;
    private final MailMessageLog log;
    private final long maxMessageSize;

    /** @param maxMessageSize larger messages are not downloaded but Failed with the reason */
    public MailIntake(SenderPolicy senders, PdfAttachmentFinder finder, MailMessageLog log, long maxMessageSize) {
        this.senders = senders;
        this.finder = finder;
        this.log = log;
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * @param polled the message as the mail provider handed it over; only its headers are read before the checks,
     *               then a local copy of the whole (see {@link PdfAttachmentFinder})
     */
    public MailOutcome handle(MimeMessage polled, PdfIngest ingest) throws MessagingException {
        ReceivedMail mail = ReceivedMail.of(polled);
        Optional<String> refusal = senders.refusal(polled);
        if (refusal.isPresent()) {
            return outcome(mail, MailOutcome.Status.REJECTED, refusal.get());
        }
        Optional<String> earlier = log.processedBefore(mail.key());
        if (earlier.isPresent()) {
            return outcome(mail, MailOutcome.Status.PROCESSED, "already processed " + earlier.get() + ", nothing new");
        }
        if (polled.getSize() > maxMessageSize) {
            MailOutcome tooLarge = new MailOutcome(MailOutcome.Status.FAILED, "the message (" + DataSize.format(polled.getSize())
                    + ") is larger than bulletin.mail.max-message-size (" + DataSize.format(maxMessageSize) + ")");
            log.record(mail, tooLarge, 0);
            return outcome(mail, tooLarge.status(), tooLarge.note());
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
        MailOutcome outcome = summary(found, taken, refused);
        log.record(mail, outcome, found.pdfs().size());
        return outcome(mail, outcome.status(), outcome.note());
    }

    private static MailOutcome summary(MailPdfs found, List<String> taken, List<String> refused) {
        String skipped = found.skipped().isEmpty() ? ""
                : "; skipped " + found.skipped().stream().map(SkippedPart::toString).collect(Collectors.joining(", "));
        if (found.pdfs().isEmpty()) {
            return new MailOutcome(MailOutcome.Status.PROCESSED, "no PDF in the message" + skipped);
        }
        if (taken.isEmpty()) {
            return new MailOutcome(MailOutcome.Status.FAILED,
                    "no PDF could be read: " + String.join("; ", refused) + skipped);
        }
        String failed = refused.isEmpty() ? "" : "; refused " + String.join("; ", refused);
        return new MailOutcome(MailOutcome.Status.PROCESSED, String.join(", ", taken) + failed + skipped);
    }

    private static MailOutcome outcome(ReceivedMail mail, MailOutcome.Status status, String note) {
        String line = "mail " + mail + " -> " + status.folder() + ": " + note;
        if (status == MailOutcome.Status.PROCESSED) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
        return new MailOutcome(status, note);
    }
}
