package com.bulletiningest.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One mail folder on disk, laid out like a Maildir: each message is a file in {@code cur/} named
 * {@code <key>:2,<flags>} (D draft, F flagged, R answered, S seen, T deleted), its modification time the date the
 * message was received. A message is written to {@code tmp/}, forced to disk and then moved into {@code cur/} in one
 * step, so a crash leaves the whole message or none; a flag change is a rename.
 */
final class MaildirFolder {

    private static final String INFO = ":2,";
    private static final String FLAG_LETTERS = "DFRST";
    private static final Flags.Flag[] FLAGS = {
            Flags.Flag.DRAFT, Flags.Flag.FLAGGED, Flags.Flag.ANSWERED, Flags.Flag.SEEN, Flags.Flag.DELETED };

    /** A message file as found on disk. */
    record StoredFile(String key, Flags flags, Date received, Path path) {
    }

    private final Path dir;
    /** key → flag letters of every message file in cur/, as this folder last wrote or found them. */
    private final Map<String, String> written = new HashMap<>();

    private MaildirFolder(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating when missing) the folder, throwing away what a crash left half written in tmp/. */
    static MaildirFolder open(Path dir) throws IOException {
        MaildirFolder folder = new MaildirFolder(dir);
        Files.createDirectories(dir.resolve("cur"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (Stream<Path> leftovers = Files.list(tmp)) {
            for (Path leftover : leftovers.toList()) {
                Files.delete(leftover);
            }
        }
        for (StoredFile file : folder.files()) {
            folder.written.put(file.key(), letters(file.flags()));
        }
        return folder;
    }

    /** The message files, oldest first. */
    List<StoredFile> files() throws IOException {
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(dir.resolve("cur"))) {
            for (Path path : paths.toList()) {
                String name = path.getFileName().toString();
                int info = name.lastIndexOf(INFO);
                if (info > 0) {
                    files.add(new StoredFile(name.substring(0, info), flags(name.substring(info + INFO.length())),
                            new Date(Files.getLastModifiedTime(path).toMillis()), path));
                }
            }
        }
        files.sort(Comparator.comparing(StoredFile::received).thenComparing(StoredFile::key));
        return files;
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** Writes the message under {@code key} unless it is there, or renames it when its flags changed. */
    void keep(String key, MimeMessage message, Flags flags, Date received) throws IOException, MessagingException {
        String letters = letters(flags);
        String before = written.get(key);
        if (before == null) {
            Path tmp = dir.resolve("tmp").resolve(key);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                message.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.setLastModifiedTime(tmp, FileTime.fromMillis(received.getTime()));
            Files.move(tmp, file(key, letters), StandardCopyOption.ATOMIC_MOVE);
        } else if (!before.equals(letters)) {
            Files.move(file(key, before), file(key, letters), StandardCopyOption.ATOMIC_MOVE);
        }
        written.put(key, letters);
    }

    /** Deletes the files of every message not in {@code keys} (moved to another folder or expunged). */
    void keepOnly(Set<String> keys) throws IOException {
        for (Map.Entry<String, String> file : new ArrayList<>(written.entrySet())) {
            if (!keys.contains(file.getKey())) {
                Files.deleteIfExists(file(file.getKey(), file.getValue()));
                written.remove(file.getKey());
            }
        }
    }

    /** Deletes the folder and its messages (the folder was deleted or renamed over IMAP). */
    void delete() throws IOException {
        keepOnly(Set.of());
        Files.deleteIfExists(dir.resolve("cur"));
        Files.deleteIfExists(dir.resolve("tmp"));
        Files.deleteIfExists(dir);
    }

    private Path file(String key, String letters) {
        return dir.resolve("cur").resolve(key + INFO + letters);
    }

    private static String letters(Flags flags) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < FLAGS.length; i++) {
            if (flags.contains(FLAGS[i])) {
                letters.append(FLAG_LETTERS.charAt(i));
            }
        }
        return letters.toString();
    }

    private static Flags flags(String letters) {
        Flags flags = new Flags();
        for (int i = 0; i < FLAGS.length; i++) {
            if (letters.indexOf(FLAG_LETTERS.charAt(i)) >= 0) {
                flags.add(FLAGS[i]);
            }
        }
        return flags;
    }

    /**
     * A file name for an address or folder name: letters, digits and {@code @._+,&-} stay, anything else (a path
     * separator, a leading dot, non-ASCII) becomes {@code %XX} of its UTF-8 bytes, so no name leaves the mail folder.
     */
    static String fileName(String name) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "@_+,&-".indexOf(c) >= 0 || (c == '.' && i > 0);
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    /** The name {@link #fileName} encoded. */
    static String nameOf(String fileName) {
        return URLDecoder.decode(fileName.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
