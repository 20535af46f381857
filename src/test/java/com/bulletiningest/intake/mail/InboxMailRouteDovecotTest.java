package com.bulletiningest.intake.mail;

import com.bulletiningest.fixtures.DovecotServer;
import jakarta.mail.internet.MimeMessage;

/**
 * {@link InboxMailRouteContract} against Dovecot, a real IMAP server as users run it (MOVE, UIDPLUS, IDLE): mail
 * arrives by IMAP APPEND, as a delivery agent puts it. The polls are 2 s apart; new mail is taken at once through IDLE.
 */
class InboxMailRouteDovecotTest extends InboxMailRouteContract {

    @Override
    protected IntakeServer startServer() throws Exception {
        DovecotServer dovecot = new DovecotServer(TestMails.MAILBOX);
        return new IntakeServer() {
            @Override
            public int imapPort() {
                return dovecot.imapPort();
            }

            @Override
            public String password() {
                return DovecotServer.PASSWORD;
            }

            @Override
            public void deliver(MimeMessage message) throws Exception {
                dovecot.deliver(TestMails.MAILBOX, message);
            }

            @Override
            public void close() throws Exception {
                dovecot.close();
            }
        };
    }

    @Override
    protected String pollDelay() {
        return "2000";
    }
}
