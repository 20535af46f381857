package com.bulletiningest.app.web;

import java.nio.file.Files;
import java.nio.file.Path;

import com.bulletiningest.intake.folder.FolderIntake;
import com.bulletiningest.intake.folder.ReasonFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's view of the files the folder intake set aside, with the reasons the intake wrote beside them. */
@DisplayName("failed files")
class FailedFilesTest {

    /** 254 bytes: fits a file system, but {@code <name>.reason.txt} does not, so its reason file has a shorter name. */
    private static final String LONG_NAME = "通知".repeat(41) + "-2021.pdf";

    @TempDir
    Path inbox;

    @Test
    @DisplayName("a file whose name is too long for <name>.reason.txt is listed with its reason")
    void longNameKeepsItsReason() throws Exception {
        setAside(LONG_NAME, "damaged PDF: no pages");

        assertThat(new FailedFiles(inbox).list()).singleElement()
                .satisfies(file -> {
                    assertThat(file.name()).isEqualTo(LONG_NAME);
                    assertThat(file.reason()).isEqualTo("damaged PDF: no pages");
                });
    }

    @Test
    @DisplayName("a retry moves the file back into the inbox and leaves no reason file behind, also for a long name")
    void retryTakesTheReasonAlong() throws Exception {
        setAside(LONG_NAME, "damaged PDF: no pages");
        setAside("notes.pdf", "not a PDF");

        new FailedFiles(inbox).retry(LONG_NAME);
        new FailedFiles(inbox).retry("notes.pdf");

        assertThat(inbox.resolve(LONG_NAME)).exists();
        assertThat(inbox.resolve("notes.pdf")).exists();
        try (var left = Files.list(inbox.resolve(FolderIntake.FAILED))) {
            assertThat(left).isEmpty();
        }
    }

    /** As the folder intake sets a file aside. */
    private void setAside(String name, String reason) throws Exception {
        Path failed = Files.createDirectories(inbox.resolve(FolderIntake.FAILED));
        Files.writeString(failed.resolve(name), "%PDF-1.4 broken");
        ReasonFile.write(failed, name, reason);
    }
}
