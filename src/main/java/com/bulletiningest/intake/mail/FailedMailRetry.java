package com.bulletiningest.intake.mail;

import java.time.Instant;
import java.util.Arrays;

import com.bulletiningest.store.intake.IntakeAttempts;
import com.bulletiningest.store.intake.MailMessages;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/**
 * Retry of a mail the intake gave up on (the console's Retry): the message is found by its Message-ID in the
 * mailbox's {@code Failed} folder and put back into the intake folder (copied, then deleted from Failed: not every
 * IMAP server can MOVE), then its FAILED row and any failed attempts are forgotten, so that the next poll reads it as
 * new and counts its attempts afresh.
 */
public final class FailedMailRetry {

    private static final String FAILED = MailOutcome.Status.FAILED.folder();

    private final IntakeMailbox mailbox;
    private final MailMessages messages;
    private final IntakeAttempts attempts;

    public FailedMailRetry(IntakeMailbox mailbox, MailMessages messages, IntakeAttempts attempts) {
        this.mailbox = mailbox;
        this.messages = messages;
        this.attempts = attempts;
    }

    /**
     * Puts the message(s) with this Message-ID from Failed back into the intake folder.
     *
     * @return false when Failed holds no message with this Message-ID
     * @throws MessagingException when the mail server cannot be reached or refuses the copy
     */
    public boolean retry(String messageId) throws MessagingException {
        String wanted = messageId.strip();
        Instant started = Instant.now();
        Store store = mailbox.connect();
        try {
            Folder failed = store.getFolder(FAILED);
            if (!failed.exists()) {
                return false;
            }
            failed.open(Folder.READ_WRITE);
            try {
                Message[] all = failed.getMessages();
                FetchProfile headers = new FetchProfile();
                headers.add("Message-ID");
                failed.fetch(all, headers);
                Message[] found = Arrays.stream(all).filter(m -> wanted.equals(messageIdOf(m))).toArray(Message[]::new);
                if (found.length == 0) {
                    return false;
                }
                failed.copyMessages(found, store.getFolder(mailbox.folder()));
                failed.setFlags(found, new Flags(Flags.Flag.DELETED), true);
            } finally {
                failed.close(true);
            }
        } finally {
            store.close();
        }
        String key = ReceivedMail.keyOf(wanted);
        // only a row written before the move: the intake may already have taken the message again meanwhile
        messages.forgetFailed(key, started);
        attempts.forget(IntakeAttempts.Kind.MAIL, key);
        return true;
    }

    private static String messageIdOf(Message message) {
        try {
            String id = ((MimeMessage) message).getHeader("Message-ID", null);
            return id == null ? null : id.strip();
        } catch (MessagingException e) {
            return null; // a message whose headers cannot be read is not the one asked for
        }
    }
}
