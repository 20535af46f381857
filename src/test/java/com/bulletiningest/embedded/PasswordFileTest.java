package com.bulletiningest.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("generated password file")
class PasswordFileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the first start generates a long random password into a file only its owner can read; later starts read it")
    void generatesOnceAndKeeps() throws Exception {
        Path file = dir.resolve("data").resolve("mail-password");

        String password = PasswordFile.readOrCreate(file);

        assertThat(password).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z0-9_-]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PasswordFile.readOrCreate(file)).isEqualTo(password);
        assertThat(PasswordFile.readOrCreate(dir.resolve("other-password"))).isNotEqualTo(password);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no partial file left beside it
        }
    }
}
