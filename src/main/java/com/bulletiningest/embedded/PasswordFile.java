package com.bulletiningest.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A password kept in a file only the service's user may read (0600), generated at first use: so the embedded
 * database and the embedded mail server need no password in the configuration, the log names the file instead of the
 * password, and an admin reads it with {@code cat}.
 */
public final class PasswordFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    /** The password in {@code file}, created with a new random one if missing; its permissions are set to 0600. */
    public static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            Path parent = Files.createDirectories(file.toAbsolutePath().getParent());
            // created with 0600 from the start (no moment in which others could read it), written beside the file
            // and renamed: a crash leaves no empty password file behind
            Path partial = parent.resolve("." + file.getFileName() + ".part");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(partial, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IOException(file + " is empty: delete it to have a new password generated");
        }
        return password;
    }
}
