package com.bulletiningest.extract;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("OCR's half-width punctuation in Chinese text becomes full-width, as a text layer has it")
class OcrPunctuationTest {

    @Test
    void bracketsPairedWithAFullWidthOneOrNextToChineseBecomeFullWidth() {
        assertThat(OcrPunctuation.fold("医药信息篇 (2021/3/8~2021/3/12)")).isEqualTo("医药信息篇（2021/3/8~2021/3/12）");
        assertThat(OcrPunctuation.fold("（药监综药管(2020)9号)")).isEqualTo("（药监综药管（2020）9号）");
    }

    @Test
    void commasColonsAndQuestionMarksAfterChineseBecomeFullWidth() {
        assertThat(OcrPunctuation.fold("各有关单位:现将有关事项通知如下,请遵照执行;有何疑问?"))
                .isEqualTo("各有关单位：现将有关事项通知如下，请遵照执行；有何疑问？");
    }

    @Test
    void straightQuotesInChineseOpenAndClose() {
        assertThat(OcrPunctuation.fold("关于支持\"专精特新\"中小企业，“两区\"工作")).isEqualTo("关于支持“专精特新”中小企业，“两区”工作");
    }

    @Test
    void aClosingBracketWithNoneOpenInsideABookTitleIsItsEnd() {
        assertThat(OcrPunctuation.fold("关于发布《境外已上市化学药品药学研究技术要求（试行））的通告（2021年第21号）"))
                .isEqualTo("关于发布《境外已上市化学药品药学研究技术要求（试行）》的通告（2021年第21号）");
        assertThat(OcrPunctuation.fold("详见附件1、2）反馈给你们")).isEqualTo("详见附件1、2）反馈给你们");
    }

    @Test
    void punctuationAmongLatinLettersAndDigitsStays() {
        assertThat(OcrPunctuation.fold("详见 http://www.cde.org.cn/news.do?id=1, 版本 3.5 (beta), 10:30"))
                .isEqualTo("详见 http://www.cde.org.cn/news.do?id=1, 版本 3.5 (beta), 10:30");
    }
}
