package com.bulletiningest.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A person's mail program against one SMTP and IMAP server: sends plain mails, reads and files them over IMAP. */
public final class MailClient {

    private final String host;
    private final int smtpPort;
    private final int imapPort;

    public MailClient(String host, int smtpPort, int imapPort) {
        this.host = host;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** Sends a mail without logging in, as a mail server delivering to this one does. */
    public void send(String to, String subject) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom("sender@example.com");
        mail.setRecipients(Message.RecipientType.TO, to);
        mail.setSubject(subject, "UTF-8");
        mail.setText("知识产权信息篇 " + subject, "UTF-8");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host, smtpPort, null, null);
            transport.sendMessage(mail, new InternetAddress[] {new InternetAddress(to)});
        }
    }

    /** What a test reads of one message: its subject, a header, its text. */
    @FunctionalInterface
    public interface MessageReader<T> {
        T read(Message message) throws Exception;
    }

    /** The subjects in a folder, none when it does not exist; deleted (not yet expunged) messages are left out. */
    public List<String> subjects(String login, String password, String folderName) throws Exception {
        return read(login, password, folderName, Message::getSubject);
    }

    /** The subjects in INBOX of the messages carrying the flag. */
    public List<String> subjectsWith(String login, String password, Flags.Flag flag) throws Exception {
        return read(login, password, "INBOX", message -> message.isSet(flag) ? message.getSubject() : null).stream()
                .filter(Objects::nonNull).toList();
    }

    /**
     * What {@code reader} gives of each message in a folder, none when the folder does not exist; deleted (not yet
     * expunged) messages are left out.
     */
    public <T> List<T> read(String login, String password, String folderName, MessageReader<T> reader)
            throws Exception {
        try (Store store = connect(login, password)) {
            Folder folder = store.getFolder(folderName);
            List<T> values = new ArrayList<>();
            if (!folder.exists()) {
                return values;
            }
            folder.open(Folder.READ_ONLY);
            for (Message message : folder.getMessages()) {
                if (!message.isSet(Flags.Flag.DELETED)) {
                    values.add(reader.read(message));
                }
            }
            folder.close(false);
            return values;
        }
    }

    /** Moves the INBOX message with this subject into a folder (created when missing), as a mail program files it. */
    public void moveToFolder(String login, String password, String subject, String folderName) throws MessagingException {
        try (Store store = connect(login, password)) {
            Folder target = store.getFolder(folderName);
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message message = find(inbox, subject);
            inbox.copyMessages(new Message[] {message}, target);
            message.setFlag(Flags.Flag.DELETED, true);
            inbox.close(true);
        }
    }

    public void flag(String login, String password, String subject, Flags.Flag flag) throws MessagingException {
        try (Store store = connect(login, password)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            find(inbox, subject).setFlag(flag, true);
            inbox.close(false);
        }
    }

    private static Message find(Folder folder, String subject) throws MessagingException {
        for (Message message : folder.getMessages()) {
            if (subject.equals(message.getSubject())) {
                return message;
            }
        }
        throw new AssertionError("no message '" + subject + "' in " + folder.getFullName());
    }

    private Store connect(String login, String password) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(host, imapPort, login, password);
        return store;
    }
}
