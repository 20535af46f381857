package com.bulletiningest.intake.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import com.bulletiningest.fixtures.LogCapture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reason file beside a set-aside file is written without following any link planted in its way. */
@DisplayName("reason files and planted links")
class ReasonFileTest {

    @TempDir
    Path home;

    @Test
    @DisplayName("a reason is one line in <name>.reason.txt, replacing an earlier one")
    void writesTheReason() throws IOException {
        Path failed = home.resolve("inbox/.failed");
        ReasonFile.write(failed, "x.pdf", "first");
        ReasonFile.write(failed, "x.pdf", "not a PDF\nat all");

        assertThat(Files.readString(failed.resolve("x.pdf.reason.txt"))).isEqualTo("not a PDF\\nat all");
        try (var left = Files.list(failed)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("x.pdf.reason.txt");
        }
    }

    @Test
    @DisplayName("a link planted at the reason file's name is left alone and logged; its target is not written")
    void plantedLinkIsNotFollowed() throws IOException {
        Path victim = Files.writeString(home.resolve("victim.txt"), "precious");
        Path failed = Files.createDirectories(home.resolve("inbox/.failed"));
        Path planted = Files.createSymbolicLink(failed.resolve("x.reason.txt"), victim);

        try (LogCapture log = LogCapture.start()) {
            ReasonFile.write(failed, "x", "empty file");

            assertThat(log.atLeast(Level.WARN)).singleElement().extracting(LogCapture.Event::message).asString()
                    .contains("x.reason.txt is a link or no regular file: left alone");
        }
        assertThat(Files.readString(victim, StandardCharsets.UTF_8)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(planted)).isTrue();
        assertThat(Files.readSymbolicLink(planted)).isEqualTo(victim);
    }

    @Test
    @DisplayName(".failed itself a link to another folder: refused, nothing written there")
    void failedFolderThatIsALink() throws IOException {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Files.createSymbolicLink(inbox.resolve(".failed"), elsewhere);

        assertThatThrownBy(() -> ReasonFile.write(inbox.resolve(".failed"), "x", "empty file"))
                .isInstanceOf(IOException.class).hasMessageContaining("is a link");
        try (var written = Files.list(elsewhere)) {
            assertThat(written).isEmpty();
        }
        assertThat(Files.isSymbolicLink(inbox.resolve(".failed"))).isTrue();
        assertThat(Files.exists(inbox.resolve(".failed/x.reason.txt"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
