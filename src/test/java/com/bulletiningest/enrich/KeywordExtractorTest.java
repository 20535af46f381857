package com.bulletiningest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.split.Notice;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.summary.TextRankKeyword;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

    private static final int CANDIDATES = 15;

    @Test
    void ranksExactlyAsHanLpsTextRankOnTheSameSegmentation() {
        for (String text : corpusNoticeTexts()) {
            // ranked candidates in HanLP's order, ties included
            assertThat(TextRank.keywords(text, CANDIDATES)).as(text)
                    .isEqualTo(new TextRankKeyword(TextRank.SEGMENT).getKeywords(text, CANDIDATES));
        }
    }

    @Test
    void keepsTheKeywordsOfHanLpsStandardSegmentationOnEveryCorpusNotice() {
        KeywordExtractor extractor = new KeywordExtractor(Enricher.DEFAULT_KEYWORD_COUNT);
        // the same extractor over HanLP.extractKeyword, whose segmentation recognises person names too
        KeywordExtractor standard = new KeywordExtractor(Enricher.DEFAULT_KEYWORD_COUNT, HanLP::extractKeyword);
        for (String text : corpusNoticeTexts()) {
            // in one notice two of them swap places
            assertThat(extractor.keywords(text)).as(text).hasSize(Enricher.DEFAULT_KEYWORD_COUNT)
                    .containsExactlyInAnyOrderElementsOf(standard.keywords(text));
        }
    }

    /** What Enricher gives the extractor, for every notice of the corpus. */
    private static List<String> corpusNoticeTexts() {
        List<String> texts = new ArrayList<>();
        for (String name : CorpusBulletin.NAMES) {
            for (Notice notice : CorpusBulletin.split(name).notices()) {
                texts.add(Objects.toString(notice.title(), "") + "\n" + Objects.toString(notice.body(), ""));
            }
        }
        assertThat(texts).hasSizeGreaterThan(20);
        return texts;
    }

    @Test
    void keepsTheCountAskedForWithoutGenericWordsNumbersOrSingleCharacters() {
        String text = "关于开展2021年度北京市专精特新中小企业认定工作的通知：申报企业须于3月15日前提交专精特新认定材料，"
                + "专精特新中小企业认定由北京市经济和信息化局组织，认定材料包括营业执照和知识产权证明。";

        List<String> keywords = new KeywordExtractor(3).keywords(text);

        assertThat(keywords).hasSize(3).doesNotContainAnyElementsOf(Set.of("工作", "企业", "开展", "通知"))
                .allMatch(k -> k.length() >= 2 && !k.matches("\\d+"));
        assertThat(new KeywordExtractor(3).keywords(" ")).isEmpty();
    }
}
