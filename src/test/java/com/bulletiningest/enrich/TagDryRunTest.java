package com.bulletiningest.enrich;

import java.util.List;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.enrich.TagDryRun.Change;
import com.bulletiningest.enrich.TagDryRun.TagChange;
import com.bulletiningest.enrich.TagDryRun.TagTotals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("dry run of edited tag rules")
class TagDryRunTest {

    private static final NoticeText TIANJIN_PATENTS = NoticeText.builder().with(TagField.TITLE, "天津市专利资助申报")
            .with(TagField.GROUP, "天津市").build();
    private static final NoticeText BEIJING_TRAINING = NoticeText.builder().with(TagField.TITLE, "北京市专利培训")
            .with(TagField.GROUP, "地方级").build();

    @Test
    @DisplayName("rules giving exactly the tags the notices carry change nothing")
    void unchangedRulesChangeNothing() throws ConfigException {
        TagDryRun run = new TagDryRun(rules("  - tag: 专利\n    any: [专利]\n  - tag: 天津\n    any: [天津]\n"
                + "    in: [group]\n"), 100);

        run.compare(1, "天津市专利资助申报", TIANJIN_PATENTS, List.of("专利", "天津"));
        run.compare(2, "北京市专利培训", BEIJING_TRAINING, List.of("专利"));

        assertThat(run.result().notices()).isEqualTo(2);
        assertThat(run.result().changes()).isEmpty();
        assertThat(run.result().totals()).isEmpty();
    }

    @Test
    @DisplayName("a new rule gains its tag where it matches; a removed rule loses its tag where it was carried")
    void gainsAndLosses() throws ConfigException {
        TagDryRun run = new TagDryRun(rules("  - tag: 专利\n    any: [专利]\n  - tag: 培训\n    any: [培训]\n"), 100);

        run.compare(1, "天津市专利资助申报", TIANJIN_PATENTS, List.of("专利", "天津"));
        run.compare(2, "北京市专利培训", BEIJING_TRAINING, List.of("专利"));

        assertThat(run.result().changes()).containsExactly(
                new TagChange(1, "天津市专利资助申报", "天津", Change.LOST),
                new TagChange(2, "北京市专利培训", "培训", Change.GAINED));
        assertThat(run.result().totals()).containsExactly(new TagTotals("天津", 0, 1), new TagTotals("培训", 1, 0));
        assertThat(run.result().complete()).isTrue();
    }

    @Test
    @DisplayName("an edited rule that no longer matches a notice loses the tag there only")
    void narrowedRule() throws ConfigException {
        TagDryRun run = new TagDryRun(rules("  - tag: 专利\n    all: [专利, 资助]\n"), 100);

        run.compare(1, "天津市专利资助申报", TIANJIN_PATENTS, List.of("专利"));
        run.compare(2, "北京市专利培训", BEIJING_TRAINING, List.of("专利"));

        assertThat(run.result().changes()).containsExactly(new TagChange(2, "北京市专利培训", "专利", Change.LOST));
    }

    @Test
    @DisplayName("beyond the limit changes are counted in the totals but not listed, and the result says so")
    void limit() throws ConfigException {
        TagDryRun run = new TagDryRun(rules("  - tag: 专利\n    any: [专利]\n"), 1);

        run.compare(1, "天津市专利资助申报", TIANJIN_PATENTS, List.of());
        run.compare(2, "北京市专利培训", BEIJING_TRAINING, List.of());

        assertThat(run.result().changes()).extracting(TagChange::noticeId).containsExactly(1L);
        assertThat(run.result().complete()).isFalse();
        assertThat(run.result().totals()).containsExactly(new TagTotals("专利", 2, 0));
    }

    private static TagRules rules(String rules) throws ConfigException {
        return TagRules.parse("edited rules", "rules:\n" + rules);
    }
}
