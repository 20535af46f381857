package com.bulletiningest.split;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("What is printed after a title moves to its own field")
class TitlePartsTest {

    @Test
    void issuerAndDateAfterAGap() {
        assertThat(TitleParts.parse("关于做好 2021 年天津科技年鉴编纂工作的通知  天津市科学技术局（2021-3-8）"))
                .isEqualTo(new TitleParts("关于做好 2021 年天津科技年鉴编纂工作的通知", "天津市科学技术局", LocalDate.of(2021, 3, 8), null, null));
    }

    @Test
    void issuerMayHoldBlanksItself() {
        TitleParts parts = TitleParts.parse("关于进一步做好 2020 年申报工作的通知 天津市工业和信息化局  市财政局（2021-2-5）");
        assertThat(parts.title()).isEqualTo("关于进一步做好 2020 年申报工作的通知");
        assertThat(parts.issuer()).isEqualTo("天津市工业和信息化局  市财政局");
    }

    @Test
    void issuerGluedToTheTitleOrAfterALineBreakInsideTheBracket() {
        assertThat(TitleParts.parse("市科技局关于做好评价工作的通知天津市工业和信息化局（2021-3-3）"))
                .extracting(TitleParts::title, TitleParts::issuer).containsExactly("市科技局关于做好评价工作的通知", "天津市工业和信息化局");
        assertThat(TitleParts.parse("天津市国家高新技术企业认定主要政策解答（2021）天津市科技局（2021-3-8）"))
                .extracting(TitleParts::title, TitleParts::issuer).containsExactly("天津市国家高新技术企业认定主要政策解答（2021）", "天津市科技局");
        assertThat(TitleParts.parse("天津市国家高新技术企业认定主要政策解答（2021" + TitleParts.LINE_BREAK + "）  天津市科技局（2021-3-3）"))
                .extracting(TitleParts::title, TitleParts::issuer).containsExactly("天津市国家高新技术企业认定主要政策解答（2021）", "天津市科技局");
        assertThat(TitleParts.parse("关于印发天津市第一批申报指南的通知天津市工业和信息化局、天津市财政" + TitleParts.LINE_BREAK + "局（2020-3-2）"))
                .extracting(TitleParts::title, TitleParts::issuer).containsExactly("关于印发天津市第一批申报指南的通知", "天津市工业和信息化局、天津市财政局");
    }

    @Test
    void documentQualifiersStayInTheTitle() {
        assertThat(TitleParts.parse("关于发布《中药变更受理审查指南（试行）》的通告（2021 年第 24 号）"))
                .extracting(TitleParts::title, TitleParts::source).containsExactly("关于发布《中药变更受理审查指南（试行）》的通告（2021 年第 24 号）", null);
        assertThat(TitleParts.parse("天津市国家高新技术企业认定主要政策解答（2021）").title()).isEqualTo("天津市国家高新技术企业认定主要政策解答（2021）");
        assertThat(TitleParts.parse("关于办法的说明（征求意见稿）").source()).isNull();
    }

    @Test
    void mediaNames() {
        assertThat(TitleParts.parse("后续还会有更大力度的打击(IPRlearn)")).extracting(TitleParts::title, TitleParts::source)
                .containsExactly("后续还会有更大力度的打击", "IPRlearn");
        assertThat(TitleParts.parse("如何防止商标被撤销？（知产热点）").source()).isEqualTo("知产热点");
        assertThat(TitleParts.isMediaLine("( IPRdaily）")).isTrue();
        assertThat(TitleParts.isMediaLine("（试行）")).isFalse();
    }

    @Test
    void publishedTimeAndSource() {
        assertThat(TitleParts.parse("两部门联合印发《通知》发布时间：2021-02-02 14:38 来源：中小企业局"))
                .isEqualTo(new TitleParts("两部门联合印发《通知》", null, null, "中小企业局", "2021-02-02 14:38"));
        assertThat(TitleParts.parse("某某通知 发布时间：2021年2月2日").published()).isEqualTo("2021-02-02");
    }
}
