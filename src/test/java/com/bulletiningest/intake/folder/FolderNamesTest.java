package com.bulletiningest.intake.folder;

import com.bulletiningest.intake.EscapedText;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** File names as the folder intake logs and stores them, and the names of their reason files. */
@DisplayName("inbox file names")
class FolderNamesTest {

    @Test
    @DisplayName("control characters, line separators and bidi overrides are escaped; Chinese and spaces stay as they are")
    void escapesWhatCouldForgeOrHideALogLine() {
        assertThat(EscapedText.of("周报 2021.pdf")).isEqualTo("周报 2021.pdf");
        assertThat(EscapedText.of("a.pdf\n12:00 INFO forged")).isEqualTo("a.pdf\\n12:00 INFO forged");
        assertThat(EscapedText.of("a\r\tb\u001B[31m")).isEqualTo("a\\r\\tb\\u001B[31m");
        assertThat(EscapedText.of("invoice\u202Efdp.exe")).isEqualTo("invoice\\u202Efdp.exe");
        assertThat(EscapedText.of("x\u2028y\u0085z")).isEqualTo("x\\u2028y\\u0085z");
    }

    @Test
    @DisplayName("a reason file is <name>.reason.txt while that fits in 255 bytes")
    void reasonFileBesideTheFile() {
        assertThat(ReasonFile.nameFor("notes.pdf")).isEqualTo("notes.pdf.reason.txt");
    }

    @Test
    @DisplayName("for longer names it is the name's start, cut on a character boundary, and a hash of the whole name: 255 bytes at most, distinct per name")
    void reasonFileOfALongName() {
        String name = "政策周报".repeat(20) + "-a.pdf"; // 246 bytes
        String other = "政策周报".repeat(20) + "-b.pdf";

        String reason = ReasonFile.nameFor(name);
        assertThat(reason).startsWith("政策周报政策").matches(".*~[0-9a-f]{8}\\.reason\\.txt");
        assertThat(reason.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(ReasonFile.nameFor(other)).isNotEqualTo(reason);
    }
}
