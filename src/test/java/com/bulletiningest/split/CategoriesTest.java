package com.bulletiningest.split;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Section heading to category code")
class CategoriesTest {

    @Test
    void shippedConfigurationMapsTheThreeSections() {
        Categories categories = Categories.load(Path.of("config", "categories.yaml"));
        assertThat(categories.codeFor("医药信息篇")).isEqualTo("pharma");
        assertThat(categories.codeFor("知识产权信息篇")).isEqualTo("ip");
        assertThat(categories.codeFor("科技项目 篇")).isEqualTo("tech");
        assertThat(categories.isKnownGroupLabel("资讯")).isTrue();
    }

    @Test
    void unknownHeadingIsOther() {
        assertThat(Categories.defaults().codeFor("政策解读篇")).isEqualTo(Categories.OTHER);
    }

    @Test
    void flatMapIsReadToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("categories.yaml");
        Files.writeString(file, "医药信息篇: drugs\n政策解读篇: policy\n");
        Categories categories = Categories.load(file);
        assertThat(categories.codeFor("医药信息篇")).isEqualTo("drugs");
        assertThat(categories.codeFor("政策解读篇")).isEqualTo("policy");
        assertThat(categories.codeFor("科技项目篇")).isEqualTo(Categories.OTHER);
    }
}
