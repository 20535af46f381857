package com.bulletiningest.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

/**
 * A password generated at the first start and kept in a file only its owner can read and write (0600), for a secret
 * nobody configured: nothing guessable is the default, and the log names the file, never the password.
 */
public final class PasswordFile {

    private static final int RANDOM_BYTES = 18; // 144 bits, 24 characters

    private PasswordFile() {
    }

    /** The password in {@code file}; when there is none yet, a new random one written there. */
    public static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            String password = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (password.isEmpty()) {
                throw new IOException(file + " is empty: delete it to have a new password generated");
            }
            return password;
        }
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // written beside it and renamed: a crash leaves no empty or half-written password file
        Path partial = parent.resolve("." + file.getFileName() + ".part");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(partial);
        }
        Files.writeString(partial, password + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }
}
