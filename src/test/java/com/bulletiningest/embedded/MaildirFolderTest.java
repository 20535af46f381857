package com.bulletiningest.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("mail folder on disk")
class MaildirFolderTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("addresses and folder names become file names that stay inside the mail folder, and decode back")
    void namesStayInside() {
        for (String name : List.of("../../etc", "..", ".hidden", "a/b", "a\\b", "收件箱", "INBOX.Processed",
                "pharma@example.com", "100%")) {
            String fileName = MaildirFolder.fileName(name);
            assertThat(fileName).doesNotContain("/", "\\").doesNotStartWith(".");
            assertThat(dir.resolve(fileName).normalize().getParent()).isEqualTo(dir);
            assertThat(MaildirFolder.nameOf(fileName)).isEqualTo(name);
        }
        assertThat(MaildirFolder.fileName("pharma@example.com")).isEqualTo("pharma@example.com");
    }

    @Test
    @DisplayName("a message is one file named with its flags and dated when received; a half-written one is dropped")
    void storesMessagesAsFiles() throws Exception {
        Path folderDir = dir.resolve("INBOX");
        MaildirFolder folder = MaildirFolder.open(folderDir);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setSubject("周报");
        message.setText("正文", "UTF-8");
        message.saveChanges();
        Date received = new Date(1_615_500_000_000L);
        folder.keep("k1", message, new Flags(Flags.Flag.SEEN), received);
        folder.keep("k2", message, new Flags(), received);
        folder.keep("k2", message, new Flags(Flags.Flag.DELETED), received);
        folder.keepOnly(Set.of("k2"));
        Files.writeString(folderDir.resolve("tmp").resolve("crashed"), "half a mess");

        List<MaildirFolder.StoredFile> files = MaildirFolder.open(folderDir).files();

        assertThat(files).extracting(MaildirFolder.StoredFile::key).containsExactly("k2");
        assertThat(files.get(0).path().getFileName().toString()).isEqualTo("k2:2,T");
        assertThat(files.get(0).received()).isEqualTo(received);
        assertThat(Files.readString(files.get(0).path())).contains("Subject: ");
        assertThat(folderDir.resolve("tmp")).isEmptyDirectory();
    }
}
