package com.bulletiningest.intake.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** {@link InboxMailRouteContract} against the embedded default, GreenMail: mail arrives over SMTP. */
class InboxMailRouteTest extends InboxMailRouteContract {

    @Override
    protected IntakeServer startServer() {
        GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        greenMail.setUser(TestMails.MAILBOX, TestMails.MAILBOX, "secret");
        return new IntakeServer() {
            @Override
            public int imapPort() {
                return greenMail.getImap().getPort();
            }

            @Override
            public String password() {
                return "secret";
            }

            @Override
            public void deliver(MimeMessage message) throws Exception {
                try (Transport smtp = greenMail.getSmtp().createSession().getTransport("smtp")) {
                    smtp.connect();
                    smtp.sendMessage(message, message.getAllRecipients());
                }
            }

            @Override
            public void close() {
                greenMail.stop();
            }
        };
    }

    @Override
    protected String pollDelay() {
        return "200";
    }
}
