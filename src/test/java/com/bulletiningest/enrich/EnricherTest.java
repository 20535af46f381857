package com.bulletiningest.enrich;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.fixtures.Enrichers;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Enricher: fields, rule tags from a reloading file, keyword tags")
class EnricherTest {

    private static final Notice TRAINING = new Notice(2, "天津市知识产权保护中心关于举办第二批预审服务备案企业培训的通知", null, null,
            null, null, 4, 5, List.of(), List.of(), CorpusText.body("seed-000.txt", 286, 335));
    private static final Section IP = new Section("ip", "知识产权信息篇", LocalDate.of(2021, 3, 6), LocalDate.of(2021, 3, 12),
            null, List.of(new Group("地方级", List.of(TRAINING))));
    private static final Bulletin BULLETIN = new Bulletin(LocalDate.of(2021, 3, 12), 31, List.of(IP));

    @TempDir
    Path dir;

    private Path tags(String yaml) throws IOException {
        return Files.writeString(dir.resolve("tags.yaml"), yaml, StandardCharsets.UTF_8);
    }

    @Test
    void editedRulesApplyToTheNextNotice() throws Exception {
        Path file = tags("rules:\n  - tag: 培训\n    any: [培训]\n    in: [title]\n");
        Enricher enricher = Enrichers.create(file, false, 5);
        assertThat(enricher.enrich(TRAINING, IP, BULLETIN).tags()).containsExactly("培训");

        tags("rules:\n  - tag: 培训\n    any: [培训]\n    in: [title]\n  - tag: 天津\n    any: [天津]\n    in: [title, group]\n");

        assertThat(enricher.enrich(TRAINING, IP, BULLETIN).tags()).containsExactly("培训", "天津");
    }

    @Test
    void brokenRulesFileKeepsThePreviousRules() throws Exception {
        Path file = tags("rules:\n  - tag: 培训\n    any: [培训]\n");
        ReloadingConfig<TagRules> rules = new ReloadingConfig<>(file, TagRules::parse);
        Enricher enricher = new Enricher(new FieldExtractor(), rules, null);

        tags("rules:\n  - tag: 培训\n    any: [培训]\n  - tag: 天津\n    regex: \"天津(\"\n");

        assertThat(enricher.enrich(TRAINING, IP, BULLETIN).tags()).containsExactly("培训");
        assertThat(rules.lastError()).get().satisfies(e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.getMessage()).contains("line 5: invalid regex");
        });
    }

    @Test
    void missingRulesFileAtStartIsReported() {
        assertThatThrownBy(() -> Enrichers.create(dir.resolve("nope.yaml"), false, 5))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.yaml: file not found");
    }

    @Test
    void keywordTagsAreKeptApartAndCanBeSwitchedOff() throws Exception {
        Path file = tags("rules:\n  - tag: 培训\n    any: [培训]\n    in: [title]\n");

        Enrichment on = Enrichers.create(file, true, 5).enrich(TRAINING, IP, BULLETIN);
        Enrichment off = Enrichers.create(file, false, 5).enrich(TRAINING, IP, BULLETIN);

        assertThat(on.keywords()).hasSize(5).contains("培训", "预审").allMatch(k -> k.length() >= 2);
        assertThat(on.tags()).containsExactly("培训");
        assertThat(off.keywords()).isEmpty();
        assertThat(off.tags()).containsExactly("培训");
    }

    @Test
    void wholeBulletinIsEnrichedInPrintOrderWithItsGroups() throws Exception {
        Enricher enricher = Enrichers.create(tags("rules:\n  - tag: 地方\n    exact: 地方级\n    in: [group]\n"), false, 5);

        List<EnrichedNotice> enriched = enricher.enrich(BULLETIN);

        assertThat(enriched).singleElement().satisfies(n -> {
            assertThat(n.group().label()).isEqualTo("地方级");
            assertThat(n.enrichment().tags()).containsExactly("地方");
            assertThat(n.enrichment().fields().events()).hasSize(2);
        });
    }

    @Test
    void shippedRulesFileParses() throws Exception {
        TagRules shipped = TagRules.parse("config/tags.yaml", Files.readString(Path.of("config/tags.yaml")));

        assertThat(shipped.rules()).extracting(TagRule::tag).contains("征求意见", "申报", "公示", "培训", "发布", "临床试验",
                "仿制药", "中药", "药品标准", "专利", "商标", "地理标志", "专精特新", "高新技术企业", "科技型中小企业", "研发补助",
                "税收", "质量", "天津", "北京", "全国", "有截止日期");
    }
}
