package com.bulletiningest.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import com.icegreen.greenmail.imap.ImapConstants;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Keeps the embedded mail server's mailboxes on disk, one {@link MaildirFolder} per mail folder under
 * {@code <mail dir>/<address>/<folder>/} (e.g. {@code data/mail/bulletins@localhost/Processed/cur/…}), because
 * GreenMail holds mail only in memory.
 * <p>
 * {@link #restore} loads a mailbox's folders when the mailbox is opened; {@link #save} brings the disk in line with
 * memory: it writes new messages, renames files whose flags changed, and deletes messages that left a folder (moved,
 * expunged) and folders that were deleted. The server calls {@link #save} after each SMTP delivery <em>before</em> it
 * answers "250 OK", so a mail the server accepted is on disk even if the process is killed right after; IMAP changes
 * (flags, moves to Processed/Rejected/Failed, new folders) are saved every second and at stop, so a kill -9 can lose
 * the last second of them: such a mail is then back where it was (e.g. unread in INBOX) and is handled again, which
 * the mail intake recognises by its Message-ID. Nothing is ever lost, at worst a move is repeated.
 * <p>
 * Messages are matched to their files by a key given when a message is first saved or restored, kept per message
 * object; a moved message is a new object in GreenMail, so it is written anew in its new folder. Folders of addresses
 * that are not opened (an owner removed from owners.yaml) stay on disk untouched and come back when opened again.
 */
final class MailboxArchive {

    private final Path root;
    private final ImapHostManager imap;
    private final Session session = Session.getInstance(new Properties());
    private final Map<GreenMailUser, Map<String, MaildirFolder>> mailboxes = new LinkedHashMap<>();
    private Map<StoredMessage, String> keys = new IdentityHashMap<>();

    MailboxArchive(Path root, ImapHostManager imap) {
        this.root = root;
        this.imap = imap;
    }

    /** Loads the folders of the user's mailbox that are on disk into the (new, empty) mailbox, and saves it from now on. */
    synchronized void restore(GreenMailUser user) throws IOException, MessagingException, FolderException {
        Map<String, MaildirFolder> folders = new HashMap<>();
        Path dir = mailboxDir(user);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> folderDirs = Files.list(dir)) {
                for (Path folderDir : folderDirs.filter(Files::isDirectory).toList()) {
                    String name = MaildirFolder.nameOf(folderDir.getFileName().toString());
                    MaildirFolder disk = MaildirFolder.open(folderDir);
                    MailFolder folder = folder(user, name);
                    for (MaildirFolder.StoredFile file : disk.files()) {
                        MimeMessage message;
                        try (InputStream in = Files.newInputStream(file.path())) {
                            message = new MimeMessage(session, in);
                        }
                        long uid = folder.appendMessage(message, file.flags(), file.received());
                        keys.put(folder.getMessage(uid), file.key());
                    }
                    folders.put(name, disk);
                }
            }
        }
        mailboxes.put(user, folders);
    }

    /** Writes what changed in memory since the last save to disk. */
    synchronized void save() throws IOException, MessagingException {
        Map<StoredMessage, String> present = new IdentityHashMap<>();
        for (Map.Entry<GreenMailUser, Map<String, MaildirFolder>> mailbox : mailboxes.entrySet()) {
            Map<String, MaildirFolder> onDisk = mailbox.getValue();
            Map<String, MailFolder> inMemory = folders(mailbox.getKey());
            for (Map.Entry<String, MailFolder> folder : inMemory.entrySet()) {
                MaildirFolder disk = onDisk.get(folder.getKey());
                if (disk == null) {
                    disk = MaildirFolder.open(mailboxDir(mailbox.getKey()).resolve(MaildirFolder.fileName(folder.getKey())));
                    onDisk.put(folder.getKey(), disk);
                }
                Set<String> kept = new HashSet<>();
                // a copy taken under the folder's lock: IMAP sessions change the folder meanwhile
                for (StoredMessage message : new ArrayList<>(folder.getValue().getMessages())) {
                    String key = keys.get(message);
                    if (key == null) {
                        key = MaildirFolder.newKey();
                    }
                    disk.keep(key, message.getMimeMessage(), message.getFlags(), message.getReceivedDate());
                    present.put(message, key);
                    kept.add(key);
                }
                disk.keepOnly(kept);
            }
            for (String gone : new ArrayList<>(onDisk.keySet())) {
                if (!inMemory.containsKey(gone)) {
                    onDisk.remove(gone).delete();
                }
            }
        }
        keys = present;
    }

    private Path mailboxDir(GreenMailUser user) {
        return root.resolve(MaildirFolder.fileName(user.getEmail().toLowerCase(Locale.ROOT)));
    }

    /** The user's selectable folders by name below the mailbox ("INBOX", "Processed", "INBOX.Archive"). */
    private Map<String, MailFolder> folders(GreenMailUser user) {
        Map<String, MailFolder> folders = new LinkedHashMap<>();
        collect(imap.getStore(), userRoot(user), "", folders);
        return folders;
    }

    private static void collect(Store store, MailFolder parent, String prefix, Map<String, MailFolder> folders) {
        for (MailFolder child : store.getChildren(parent)) {
            String name = prefix + child.getName();
            if (child.isSelectable()) {
                folders.put(name, child);
            }
            collect(store, child, name + ImapConstants.HIERARCHY_DELIMITER, folders);
        }
    }

    /** The folder of that name in the user's mailbox, created (with its parents) when missing. */
    private MailFolder folder(GreenMailUser user, String name) throws FolderException {
        Store store = imap.getStore();
        MailFolder folder = userRoot(user);
        String[] path = name.split("\\" + ImapConstants.HIERARCHY_DELIMITER);
        for (int i = 0; i < path.length; i++) {
            MailFolder child = store.getMailbox(folder, path[i]);
            if (child == null) {
                child = store.createMailbox(folder, path[i], false);
            }
            folder = child;
        }
        return store.setSelectable(folder, true);
    }

    private MailFolder userRoot(GreenMailUser user) {
        return imap.getStore().getMailbox(ImapConstants.USER_NAMESPACE + ImapConstants.HIERARCHY_DELIMITER
                + user.getQualifiedMailboxName());
    }
}
