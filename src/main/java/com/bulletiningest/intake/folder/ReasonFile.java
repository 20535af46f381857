package com.bulletiningest.intake.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.bulletiningest.intake.EscapedText;
import com.bulletiningest.store.db.ContentHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-line {@code <name>.reason.txt} beside a file set aside in {@code .failed}. When that name would be longer
 * than a file system allows (255 bytes), the file's name is cut and a hash of the whole name keeps it unique:
 * {@code <start of the name>~<8 hex>.reason.txt}.
 */
public final class ReasonFile {

    private static final Logger LOG = LoggerFactory.getLogger(ReasonFile.class);

    private static final String SUFFIX = ".reason.txt";
    private static final int MAX_NAME_BYTES = 255;
    private static final int HASH_CHARS = 8;

    private ReasonFile() {
    }

    public static String nameFor(String fileName) {
        if (bytes(fileName + SUFFIX) <= MAX_NAME_BYTES) {
            return fileName + SUFFIX;
        }
        String tail = "~" + ContentHash.sha256(fileName).substring(0, HASH_CHARS) + SUFFIX;
        StringBuilder start = new StringBuilder();
        int budget = MAX_NAME_BYTES - bytes(tail);
        for (int i = 0; i < fileName.length(); ) {
            int c = fileName.codePointAt(i);
            String character = new String(Character.toChars(c));
            budget -= bytes(character);
            if (budget < 0) {
                break;
            }
            start.append(character);
            i += Character.charCount(c);
        }
        return start + tail;
    }

    /** Whether {@code fileName} is a reason file rather than a file set aside. */
    public static boolean isReasonFile(String fileName) {
        return fileName.endsWith(SUFFIX);
    }

    /** The reason file of {@code fileName} set aside in {@code folder}. */
    public static Path of(Path folder, String fileName) {
        return folder.resolve(nameFor(fileName));
    }

    /**
     * Writes {@code reason} as the one line of {@code folder/<fileName>.reason.txt}, creating the folder; line breaks
     * in it (an error message may quote the file's name) are escaped. Nothing is written through a link: the text goes
     * into a new file of its own, renamed over the reason file's name (a rename replaces a link planted there in the
     * meantime instead of following it); a link or other non-file found at that name is left alone and logged, and a
     * folder that is a link is refused.
     */
    public static Path write(Path folder, String fileName, String reason) throws IOException {
        Path real = realFolder(folder);
        Path target = of(real, fileName);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("{} is a link or no regular file: left alone; the reason for {} is not written: {}",
                    EscapedText.of(target.toString()), EscapedText.of(fileName), EscapedText.of(reason));
            return target;
        }
        Path partial = Files.createTempFile(real, ".reason-", ".part"); // a new file: O_CREAT | O_EXCL
        try {
            Files.writeString(partial, EscapedText.of(reason), StandardCharsets.UTF_8);
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The folder, created when missing; refused when it is a link (writing into it would write elsewhere). */
    private static Path realFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(folder + " is a link, not a folder of the inbox: nothing is set aside through it");
        }
        return folder;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
