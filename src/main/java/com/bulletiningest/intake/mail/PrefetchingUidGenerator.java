package com.bulletiningest.intake.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.apache.camel.component.mail.DefaultMailUidGenerator;
import org.apache.camel.component.mail.MailEndpoint;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * camel-mail's key of a polled message (its Message-ID, as camel-mail's default generator makes it), which camel-mail
 * asks for first when it lists a poll's messages: the moment to fetch, in one FETCH command for the next
 * {@link #WINDOW} messages, everything that camel-mail and the intake read of a message before its body: all its
 * header lines, its size and its flags. Read one by one (Jakarta Mail's default) these were five round trips per message (Message-ID, flags,
 * From, Subject, then envelope and size) before the body's own. With them prefetched, a message costs one FETCH of its
 * whole body (see {@link MailSessionProperties}) and camel-mail's commands that move it.
 * <p>
 * The header lines are fetched as written ({@code BODY.PEEK[HEADER]}: the message stays unread), not the server's
 * envelope, which a server may fail to build for a malformed header.
 */
public class PrefetchingUidGenerator extends DefaultMailUidGenerator {

    /** Messages per prefetch: a poll takes at most 50 (the route's maxMessagesPerPoll); a few KB of headers each. */
    private static final int WINDOW = 50;

    private static final FetchProfile BEFORE_BODY = new FetchProfile();

    static {
        BEFORE_BODY.add(IMAPFolder.FetchProfileItem.HEADERS);
        BEFORE_BODY.add(FetchProfile.Item.SIZE);
        BEFORE_BODY.add(FetchProfile.Item.FLAGS);
    }

    @Override
    public String generateUuid(MailEndpoint endpoint, Message message) {
        // camel-mail lists a folder's messages from number 1 on: the first of each window prefetches the window
        if ((message.getMessageNumber() - 1) % WINDOW == 0) {
            prefetch(message);
        }
        return super.generateUuid(endpoint, message);
    }

    private static void prefetch(Message first) {
        Folder folder = first.getFolder();
        if (!(folder instanceof IMAPFolder) || !folder.isOpen()) {
            return;
        }
        try {
            int last = Math.min(folder.getMessageCount(), first.getMessageNumber() + WINDOW - 1);
            folder.fetch(folder.getMessages(first.getMessageNumber(), last), BEFORE_BODY);
        } catch (MessagingException | RuntimeException e) {
            // Only an optimisation: whatever was not fetched is read per message, where a failure is handled (a lost
            // connection as an outage, a vanished message as gone).
        }
    }
}
