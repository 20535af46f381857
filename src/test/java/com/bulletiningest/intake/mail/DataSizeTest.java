package com.bulletiningest.intake.mail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataSizeTest {

    @Test
    @DisplayName("sizes are read in binary multiples with or without B, in any case")
    void parses() {
        assertThat(DataSize.parse("20MB")).isEqualTo(20L * 1024 * 1024);
        assertThat(DataSize.parse("512kb")).isEqualTo(512L * 1024);
        assertThat(DataSize.parse(" 1G ")).isEqualTo(1L << 30);
        assertThat(DataSize.parse("1048576")).isEqualTo(1048576L);
    }

    @Test
    @DisplayName("anything else is refused with the offending value")
    void refuses() {
        assertThatThrownBy(() -> DataSize.parse("twenty MB")).hasMessageContaining("'twenty MB'");
        assertThatThrownBy(() -> DataSize.parse("-1MB")).hasMessageContaining("'-1MB'");
    }
}
