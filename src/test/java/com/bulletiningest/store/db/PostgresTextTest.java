package com.bulletiningest.store.db;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("text bound for PostgreSQL")
class PostgresTextTest {

    @Test
    @DisplayName("loses its NUL characters")
    void dropsNul() {
        assertThat(PostgresText.clean("周报\0.pdf")).isEqualTo("周报.pdf");
        assertThat(PostgresText.clean("\0\0")).isEmpty();
    }

    @Test
    @DisplayName("loses lone surrogates and keeps characters outside the basic plane")
    void dropsLoneSurrogates() {
        assertThat(PostgresText.clean("a\uD800b")).isEqualTo("ab");
        assertThat(PostgresText.clean("b\uDC00")).isEqualTo("b");
        assertThat(PostgresText.clean("𠀀字")).isEqualTo("𠀀字");
    }

    @Test
    @DisplayName("is otherwise unchanged, and null stays null")
    void keepsTheRest() {
        String text = "医药信息篇 2021 年第 10 期\n附件 1、2";
        assertThat(PostgresText.clean(text)).isSameAs(text);
        assertThat(PostgresText.clean(null)).isNull();
    }
}
