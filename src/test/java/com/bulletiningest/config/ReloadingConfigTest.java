package com.bulletiningest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ReloadingConfig re-reads an admin file when it changes")
class ReloadingConfigTest {

    /** A tiny config format: the file's lines; a line "broken" is an error naming its line. */
    private static final ConfigParser<List<String>> LINES = (source, text) -> {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("broken")) {
                throw new ConfigException(source, i + 1, "this line is broken");
            }
        }
        return lines;
    };

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void changedFileIsReadOnNextAccess() throws Exception {
        Path file = write("a.txt", "one\n");
        ReloadingConfig<List<String>> config = new ReloadingConfig<>(file, LINES);
        assertThat(config.get()).containsExactly("one");

        write("a.txt", "one\ntwo\n");

        assertThat(config.get()).containsExactly("one", "two");
    }

    @Test
    void sameSizeEditWithinOneTimestampTickIsNotMissed() throws Exception {
        Path file = write("a.txt", "aaa\n");
        ReloadingConfig<List<String>> config = new ReloadingConfig<>(file, LINES);
        FileTime modified = Files.getLastModifiedTime(file);

        write("a.txt", "bbb\n");
        Files.setLastModifiedTime(file, modified);

        assertThat(config.get()).containsExactly("bbb");
    }

    @Test
    void unchangedFileIsNotParsedAgain() throws Exception {
        Path file = write("a.txt", "one\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        ReloadingConfig<List<String>> config = new ReloadingConfig<>(file, LINES);
        List<String> first = config.get();

        assertThat(config.get()).isSameAs(first);
    }

    @Test
    void brokenFileKeepsThePreviousValueAndSaysWhichLine() throws Exception {
        Path file = write("a.txt", "one\n");
        ReloadingConfig<List<String>> config = new ReloadingConfig<>(file, LINES);

        write("a.txt", "one\ntwo\nbroken\n");

        assertThat(config.get()).containsExactly("one");
        assertThat(config.lastError()).get().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).isEqualTo(file + " line 3: this line is broken");
        });

        write("a.txt", "one\nfixed\n");

        assertThat(config.get()).containsExactly("one", "fixed");
        assertThat(config.lastError()).isEmpty();
    }

    @Test
    void deletedFileKeepsThePreviousValue() throws Exception {
        Path file = write("a.txt", "one\n");
        ReloadingConfig<List<String>> config = new ReloadingConfig<>(file, LINES);

        Files.delete(file);

        assertThat(config.get()).containsExactly("one");
        assertThat(config.lastError()).get().extracting(ConfigException::reason).isEqualTo("file not found");
    }

    @Test
    void missingOrBrokenFileAtStartIsAnError() throws Exception {
        assertThatThrownBy(() -> new ReloadingConfig<>(dir.resolve("none.txt"), LINES))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith("none.txt: file not found");
        Path broken = write("b.txt", "broken\n");
        assertThatThrownBy(() -> new ReloadingConfig<>(broken, LINES)).hasMessageEndingWith("b.txt line 1: this line is broken");
    }
}
