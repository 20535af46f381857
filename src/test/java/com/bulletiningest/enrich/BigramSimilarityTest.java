package com.bulletiningest.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BigramSimilarityTest {

    @Test
    void phraseWithPunctuationInsideIsFoundWhole() {
        assertThat(BigramSimilarity.best("专精特新小巨人", "关于第三批专精特新“小巨人”企业名单的公示")).isEqualTo(1.0);
    }

    @Test
    void aWordSlippedIntoThePhraseScoresFiveCommonBigramsOfThirteen() {
        // 科技 技型 型中 中小 企业 shared; the window is one character longer than the phrase: 2 * 5 / (6 + 7)
        assertThat(BigramSimilarity.best("科技型中小企业", "2021年科技型中小微企业评价工作"))
                .isCloseTo(10.0 / 13, within(1e-9));
    }

    @Test
    void aBigramCountsAsOftenAsThePhraseHasIt() {
        // 申报 twice in the phrase, three times in the window 申报申报申: the third does not count: 2 * 3 / (3 + 4)
        assertThat(BigramSimilarity.best("申报申报", "今申报申报申")).isCloseTo(1.0, within(1e-9));
        assertThat(BigramSimilarity.best("申报申报", "甲申报乙申报丙")).isCloseTo(2.0 * 2 / (3 + 4), within(1e-9));
    }

    @Test
    void phraseAtTheVeryEndOfTheTextIsFound() {
        assertThat(BigramSimilarity.best("知识产权", "本周通知：知识产权")).isEqualTo(1.0);
        assertThat(BigramSimilarity.best("知识产权", "公示知识")).isCloseTo(2.0 * 1 / (3 + 2), within(1e-9));
        // shorter than every window (one character less than the phrase)
        assertThat(BigramSimilarity.best("知识产权", "知识")).isZero();
    }
}
