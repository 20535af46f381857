package com.bulletiningest.intake.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.bulletiningest.intake.EscapedText;
import com.bulletiningest.store.db.ContentHash;

/**
 * The one-line {@code <name>.reason.txt} beside a file set aside in {@code .failed}. When that name would be longer
 * than a file system allows (255 bytes), the file's name is cut and a hash of the whole name keeps it unique:
 * {@code <start of the name>~<8 hex>.reason.txt}.
 */
public final class ReasonFile {

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
     * in it (an error message may quote the file's name) are escaped.
     */
    public static Path write(Path folder, String fileName, String reason) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(of(folder, fileName), EscapedText.of(reason), StandardCharsets.UTF_8);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
