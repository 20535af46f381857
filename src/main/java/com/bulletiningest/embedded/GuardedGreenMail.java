package com.bulletiningest.embedded;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail as the embedded mail server runs it. Its SMTP takes mail only for the mailboxes that exist: any other
 * recipient is refused at RCPT with 550, so nothing is relayed and no mailbox springs up on delivery (plain GreenMail
 * creates one, with the address as its password). A delivered mail is handed to {@code afterDelivery} before the
 * sender hears "250 OK"; if that fails the sender hears 451 and keeps the mail. One instance runs once: GreenMail
 * forgets these rules in {@link #stop()}.
 */
final class GuardedGreenMail extends GreenMail {

    GuardedGreenMail(ServerSetup[] setups, Runnable afterDelivery) {
        super(setups);
        managers = new LocalManagers(afterDelivery); // start() builds the servers on these
    }

    private static final class LocalManagers extends Managers {

        private final SmtpManager smtp;

        LocalManagers(Runnable afterDelivery) {
            UserManager users = getUserManager();
            users.setMessageDeliveryHandler((message, recipient) -> existing(users, recipient));
            smtp = new LocalSmtpManager(getImapHostManager(), users, afterDelivery);
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }

    private static GreenMailUser existing(UserManager users, MailAddress recipient) throws UserException {
        GreenMailUser user = users.getUserByEmail(recipient.getEmail());
        if (user == null) {
            throw new UserException("no mailbox for " + recipient.getEmail());
        }
        return user;
    }

    private static final class LocalSmtpManager extends SmtpManager {

        private final Runnable afterDelivery;

        LocalSmtpManager(ImapHostManager imap, UserManager users, Runnable afterDelivery) {
            super(imap, users);
            this.afterDelivery = afterDelivery;
        }

        @Override
        public String checkRecipient(SmtpState state, MailAddress recipient) {
            return getUserManager().getUserByEmail(recipient.getEmail()) == null
                    ? "550 5.1.1 <" + recipient.getEmail() + ">: no such mailbox here"
                    : null;
        }

        @Override
        public synchronized void send(SmtpState state) {
            super.send(state);
            afterDelivery.run();
        }
    }
}
