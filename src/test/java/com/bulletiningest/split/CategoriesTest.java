package com.bulletiningest.split;

import java.nio.file.Files;
import java.nio.file.Path;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.fixtures.LogCapture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Section heading to category code")
class CategoriesTest {

    private static final String PROSE = "为深入贯彻落实党中央国务院决策部署，进一步优化营商环境，推动高质量发展，现就有关事项通知如下，"
            + "请各单位结合实际认真组织实施，确保各项任务落到实处，取得实效，并及时报送工作进展情况和存在的问题。";

    @TempDir
    Path dir;

    @Test
    void shippedConfigurationMapsTheThreeSections() throws Exception {
        Categories categories = new ReloadingConfig<>(Path.of("config", "categories.yaml"), Categories::parse).get();
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
    void flatMapIsReadToo() throws Exception {
        Categories categories = Categories.parse("categories.yaml", "医药信息篇: drugs\n政策解读篇: policy\n");
        assertThat(categories.codeFor("医药信息篇")).isEqualTo("drugs");
        assertThat(categories.codeFor("政策解读篇")).isEqualTo("policy");
        assertThat(categories.codeFor("科技项目篇")).isEqualTo(Categories.OTHER);
    }

    @Test
    void wrongEntriesNameTheirLine() {
        assertThatThrownBy(() -> Categories.parse("c.yaml", "categories:\n  医药信息篇: pharma\n  科技项目篇: [tech]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("c.yaml line 3: the category code of 科技项目篇 must be a single value");
        assertThatThrownBy(() -> Categories.parse("c.yaml", "categories:\n  医药信息篇: pharma\ngroupLabel: [国家级]\n"))
                .hasMessage("c.yaml line 3: unknown key 'groupLabel' (expected 'categories:' and 'groupLabels:')");
        assertThatThrownBy(() -> Categories.parse("c.yaml", "categories:\n  医药信息篇: [pharma\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("c.yaml line 3: ");
    }

    @Test
    @DisplayName("the splitter uses the categories file as last edited; a broken edit logs its line and keeps the previous one")
    void editsApplyToTheNextBulletinAndBrokenEditsKeepThePreviousCategories() throws Exception {
        Path file = Files.writeString(dir.resolve("categories.yaml"), "categories:\n  医药信息篇: pharma\n");
        BulletinSplitter splitter = new BulletinSplitter(new ReloadingConfig<>(file, Categories::parse));
        assertThat(categoryOfMedicineSection(splitter)).isEqualTo("pharma");

        Files.writeString(file, "categories:\n  医药信息篇: drugs\n");
        assertThat(categoryOfMedicineSection(splitter)).isEqualTo("drugs");

        try (LogCapture log = LogCapture.start()) {
            Files.writeString(file, "categories:\n  医药信息篇: medicine\n  科技项目篇:\n    - tech\n");
            assertThat(categoryOfMedicineSection(splitter)).isEqualTo("drugs");
            assertThat(log.atLeast(Level.WARN)).singleElement().extracting(LogCapture.Event::message).asString()
                    .isEqualTo(file + " line 4: the category code of 科技项目篇 must be a single value"
                            + " (keeping the previous configuration)");
        }

        Files.writeString(file, "categories:\n  医药信息篇: medicine\n");
        assertThat(categoryOfMedicineSection(splitter)).isEqualTo("medicine");
    }

    private static String categoryOfMedicineSection(BulletinSplitter splitter) throws Exception {
        Bulletin bulletin = splitter.split(new LaidOutText()
                .lines("医药信息篇（2021/3/8~2021/3/12）", "国家级", "1、关于发布药品标准的公告").paragraph(PROSE).pdf());
        return bulletin.sections().get(0).category();
    }
}
