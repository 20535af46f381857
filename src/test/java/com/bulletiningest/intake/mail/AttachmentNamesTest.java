package com.bulletiningest.intake.mail;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("attachment names as mail headers deliver them")
class AttachmentNamesTest {

    @Test
    @DisplayName("raw UTF-8 bytes read one char per byte become the name again; a Latin-1 name is left as it is")
    void rawUtf8() {
        String asReceived = new String("周报.pdf".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        assertThat(AttachmentNames.decode(asReceived)).isEqualTo("周报.pdf");
        assertThat(AttachmentNames.decode("r\u00e9sum\u00e9.pdf")).isEqualTo("résumé.pdf");
        assertThat(AttachmentNames.decode("plain.pdf")).isEqualTo("plain.pdf");
    }

    @Test
    @DisplayName("directories, control characters and leading dots are removed")
    void sanitised() {
        assertThat(AttachmentNames.decodeAndSanitise("../../etc/x.pdf")).isEqualTo("x.pdf");
        assertThat(AttachmentNames.decodeAndSanitise("..\\..\\boot.ini\u0000.pdf")).isEqualTo("boot.ini.pdf");
        assertThat(AttachmentNames.decodeAndSanitise("\u202Efdp.exe")).isEqualTo("fdp.exe");
        assertThat(AttachmentNames.decodeAndSanitise("/..")).isNull();
    }
}
