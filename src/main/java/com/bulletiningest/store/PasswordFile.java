package com.bulletiningest.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A password kept in a file only the service's user may read (0600), generated at first use: so the embedded
 * database needs no password in the configuration and an admin reads it with {@code cat}.
 */
final class PasswordFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    /** The password in {@code file}, created with a new random one if missing; its permissions are set to 0600. */
    static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            // created with 0600 from the start: no moment in which others could read it
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IOException(file + " is empty: it must hold the database password");
        }
        return password;
    }
}
