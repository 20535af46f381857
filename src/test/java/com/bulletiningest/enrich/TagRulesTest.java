package com.bulletiningest.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.bulletiningest.config.ConfigException;

@DisplayName("Tag rules (config/tags.yaml)")
class TagRulesTest {

    private static TagRules rules(String yaml) throws ConfigException {
        return TagRules.parse("tags.yaml", yaml);
    }

    private static NoticeText titled(String title) {
        return NoticeText.builder().with(TagField.TITLE, title).build();
    }

    @Nested
    @DisplayName("match kinds")
    class MatchKinds {

        @Test
        void anyMatchesOneOfTheWordsIgnoringSpacesAndCase() throws ConfigException {
            TagRules rules = rules("rules:\n  - tag: 中药\n    any: [中药, 经典 名方, TCM]\n");

            assertThat(rules.tagsFor(titled("古代经典名方中药复方制剂"))).containsExactly("中药");
            assertThat(rules.tagsFor(titled("古代经典 名 方复方制剂"))).containsExactly("中药");
            assertThat(rules.tagsFor(titled("about tcm"))).containsExactly("中药");
            assertThat(rules.tagsFor(titled("化学仿制药参比制剂目录"))).isEmpty();
        }

        @Test
        void allNeedsEveryWordInAnyOrder() throws ConfigException {
            TagRules rules = rules("rules:\n  - tag: 研发补助\n    all: [补助, 研发]\n");

            assertThat(rules.tagsFor(titled("2021 年天津市研发投入后补助项目"))).containsExactly("研发补助");
            assertThat(rules.tagsFor(titled("2021 年天津市研发投入项目"))).isEmpty();
        }

        @Test
        void exactNeedsThePhraseAsWritten() throws ConfigException {
            TagRules rules = rules("rules:\n  - tag: 地理标志\n    exact: 地理标志产品\n  - tag: CDE\n    exact: CDE\n");

            assertThat(rules.tagsFor(titled("实施地理标志产品培育工程"))).containsExactly("地理标志");
            assertThat(rules.tagsFor(titled("地理 标志产品"))).isEmpty();
            assertThat(rules.tagsFor(titled("cde 通告"))).isEmpty();
            assertThat(rules.tagsFor(titled("CDE 通告"))).containsExactly("CDE");
        }

        @Test
        void regexIsFoundAnywhere() throws ConfigException {
            TagRules rules = rules("rules:\n  - tag: 质量\n    regex: \"(?<!高)质量攻关\"\n");

            assertThat(rules.tagsFor(titled("关于开展 2021 年天津市质量攻关项目申报工作的通知"))).containsExactly("质量");
            assertThat(rules.tagsFor(titled("中小企业高质量攻关"))).isEmpty();
        }

        @Test
        void fuzzyMatchesANearPhraseAboveTheThreshold() throws ConfigException {
            TagRules loose = rules("rules:\n  - tag: 科技型中小企业\n    fuzzy: 科技型中小企业\n    threshold: 0.75\n");
            TagRules strict = rules("rules:\n  - tag: 科技型中小企业\n    fuzzy: 科技型中小企业\n    threshold: 0.9\n");
            NoticeText near = titled("采取措施推动本地区科技型中小微企业创新发展");

            assertThat(loose.tagsFor(near)).containsExactly("科技型中小企业");
            assertThat(strict.tagsFor(near)).isEmpty();
            assertThat(strict.tagsFor(titled("做好我市 2021 年国家科技型 中小企业评价工作"))).containsExactly("科技型中小企业");
            assertThat(loose.tagsFor(titled("中小企业公共服务示范平台"))).isEmpty();
        }

        @Test
        void fuzzyIgnoresPunctuation() {
            assertThat(BigramSimilarity.best("专精特新小巨人", "重点专精特新“小巨人”企业")).isEqualTo(1.0);
            assertThat(BigramSimilarity.best("科技型中小企业", "科技型中小微企业")).isBetween(0.76, 0.78);
        }
    }

    @Nested
    @DisplayName("where rules look")
    class Fields {

        @Test
        void ruleLooksOnlyInItsFields() throws ConfigException {
            TagRules rules = rules("rules:\n  - tag: 天津\n    any: [天津]\n    in: [group, issuer]\n");

            assertThat(rules.tagsFor(titled("天津市知识产权局工作要点"))).isEmpty();
            assertThat(rules.tagsFor(NoticeText.builder().with(TagField.GROUP, "天津市").build())).containsExactly("天津");
            assertThat(rules.tagsFor(NoticeText.builder().with(TagField.ISSUER, "天津市科技局").build())).containsExactly("天津");
        }

        @Test
        void defaultFieldsAreTitleAndBody() throws ConfigException {
            TagRules rules = rules("rules:\n  - tag: 专利\n    any: [专利]\n");

            assertThat(rules.tagsFor(NoticeText.builder().with(TagField.BODY, "高价值专利").build())).containsExactly("专利");
            assertThat(rules.tagsFor(NoticeText.builder().with(TagField.ISSUER, "专利局").build())).isEmpty();
        }

        @Test
        void emptyFileOrEmptyRuleListGivesNoTags() throws ConfigException {
            assertThat(rules("").rules()).isEmpty();
            assertThat(rules("# no rules yet\nrules:\n").tagsFor(titled("专利"))).isEmpty();
        }

        @Test
        void severalRulesMayGiveOneTagOnce() throws ConfigException {
            TagRules rules = rules("rules:\n  - tag: 全国\n    exact: 国家级\n    in: [group]\n"
                    + "  - tag: 全国\n    regex: \"^国家\"\n    in: [issuer]\n");
            NoticeText both = NoticeText.builder().with(TagField.GROUP, "国家级").with(TagField.ISSUER, "国家药监局").build();

            assertThat(rules.tagsFor(both)).containsExactly("全国");
        }
    }

    @Nested
    @DisplayName("mistakes in the file are named by line")
    class Mistakes {

        @Test
        void unknownMatchKind() {
            assertThatThrownBy(() -> rules("rules:\n  - tag: 专利\n    fuzy: 专利\n"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("tags.yaml line 3: unknown key 'fuzy' in a rule (expected one of tag, any, all, exact, regex, fuzzy, threshold, in)");
        }

        @Test
        void twoMatchKindsInOneRule() {
            assertThatThrownBy(() -> rules("rules:\n  - tag: 专利\n    any: [专利]\n    exact: 专利\n"))
                    .hasMessage("tags.yaml line 2: rule '专利' needs exactly one of any, all, exact, regex, fuzzy, found any, exact");
        }

        @Test
        void invalidRegex() {
            assertThatThrownBy(() -> rules("rules:\n  - tag: 专利\n    regex: \"专利(\"\n"))
                    .hasMessageStartingWith("tags.yaml line 3: invalid regex: Unclosed group");
        }

        @Test
        void unknownField() {
            assertThatThrownBy(() -> rules("rules:\n  - tag: 专利\n    any: 专利\n    in: [title, heading]\n"))
                    .hasMessageStartingWith("tags.yaml line 4: unknown field 'heading'");
        }

        @Test
        void thresholdOutOfRange() {
            assertThatThrownBy(() -> rules("rules:\n  - tag: 专利\n    fuzzy: 专利\n    threshold: 1.5\n"))
                    .hasMessage("tags.yaml line 4: threshold must be a number above 0 and at most 1");
        }

        @Test
        void missingTag() {
            assertThatThrownBy(() -> rules("rules:\n  - any: [专利]\n"))
                    .hasMessage("tags.yaml line 2: a rule needs a tag");
        }

        @Test
        void yamlSyntaxError() {
            assertThatThrownBy(() -> rules("rules:\n  - tag: 专利\n    any: [专利\n  - tag: 商标\n"))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(((ConfigException) e).line()).isBetween(3, 5));
        }
    }
}
