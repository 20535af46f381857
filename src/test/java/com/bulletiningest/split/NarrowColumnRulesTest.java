package com.bulletiningest.split;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How the splitter reads titles and links in a column a third of the page wide: wraps cut issuers, dates and 来源
 * fields over lines of their own, titles run over five lines or more, a URL lands on a line of its own, and Chromium
 * draws fragments of links over a neighbouring notice.
 */
@DisplayName("Splitter rules for narrow columns")
class NarrowColumnRulesTest {

    private static final String PROSE = LaidOutText.PROSE;

    @Test
    void anIssuerAndDateCutOverTwoMoreLinesAfterARunInTitleAreItsTrailer() throws Exception {
        Bulletin bulletin = new LaidOutText()
                .lines("科技项目篇（2021/3/8~3/12）", "天津市")
                .title("1、市工业和信息化局市财政局关于印发", true).runIn("示范平台申报指南的通知", " 天津市")
                .lines("工业和信息化局、天津市财政局", "（2020-3-2）").paragraph(PROSE)
                .title("2、关于征集决策咨询课题选题的通知", true).paragraph(PROSE).split();

        assertThat(bulletin.notices()).extracting(Notice::title, Notice::issuer, Notice::date).containsExactly(
                tuple("市工业和信息化局市财政局关于印发示范平台申报指南的通知", "天津市工业和信息化局、天津市财政局", LocalDate.of(2020, 3, 2)),
                tuple("关于征集决策咨询课题选题的通知", null, null));
        assertThat(bulletin.notices().get(0).body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void anIssuerOnALineOfItsOwnAndItsDateOnTheNextAreTheTitlesTrailer() throws Exception {
        Bulletin bulletin = new LaidOutText()
                .lines("科技项目篇（2021/3/8~3/12）", "天津市")
                .title("1、市工业和信息化局市财政局关于做好示范平台申报有关工作的通知", true)
                .lines("天津市工业和信息化局 市财政局", "（2021-2-5）").paragraph(PROSE).split();

        Notice notice = bulletin.notices().get(0);
        assertThat(notice.title()).isEqualTo("市工业和信息化局市财政局关于做好示范平台申报有关工作的通知");
        assertThat(notice.issuer()).isEqualTo("天津市工业和信息化局 市财政局");
        assertThat(notice.date()).isEqualTo(LocalDate.of(2021, 2, 5));
        assertThat(notice.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aSourceLabelEndingItsLineTakesItsNameFromTheNext() throws Exception {
        Bulletin bulletin = new LaidOutText()
                .lines("科技项目篇（2021/3/8~3/12）", "北京市")
                .title("1. 两部门联合印发《关于支持中小企业高质量发展的通知》", true)
                .lines("发布时间：2021-02-02 14:38 来源：", "中小企业局").paragraph(PROSE).split();

        Notice notice = bulletin.notices().get(0);
        assertThat(notice.title()).isEqualTo("两部门联合印发《关于支持中小企业高质量发展的通知》");
        assertThat(notice.source()).isEqualTo("中小企业局");
        assertThat(notice.published()).isEqualTo("2021-02-02 14:38");
        assertThat(notice.body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aTitleWrappedOverSixLinesOfANarrowColumnIsReadWhole() throws Exception {
        String uri = "http://www.cde.org.cn/news.do?method=viewInfoCommon&id=39dbfc16589f1d5f";
        Bulletin bulletin = new LaidOutText()
                .lines("医药信息篇（2021/2/1~2021/2/5）", "国家级")
                .title("1、关于公开征求《中药新药复方制", true).link(uri)
                .title("剂中医药理论申报资料撰写指导原则", true).link(uri)
                .title("（征求意见稿）》、《古代经典名方", true).link(uri)
                .title("中药复方制剂说明书撰写指导原则", true).link(uri)
                .title("（征求意见稿）》意见的通知", true).link(uri)
                .paragraph(PROSE).split();

        assertThat(bulletin.notices().get(0).title()).isEqualTo("关于公开征求《中药新药复方制剂中医药理论申报资料撰写指导原则（征求意见稿）》、"
                + "《古代经典名方中药复方制剂说明书撰写指导原则（征求意见稿）》意见的通知");
        assertThat(bulletin.notices().get(0).body()).startsWith(PROSE.substring(0, 20));
    }

    @Test
    void aUrlThatAWrapPutOnALineOfItsOwnInASentenceIsTextNotALink() throws Exception {
        String full = PROSE.substring(0, 51) + "网址：";
        Bulletin bulletin = new LaidOutText()
                .lines("科技项目篇（2021/3/8~3/12）", "天津市", "1、关于做好 2021 年天津科技年鉴编纂工作的通知").paragraph(PROSE)
                .line(full).line("http://123.59.72.39:8085/").line("登录名称：撰稿人所属单位全称。")
                .line("2、关于征集决策咨询课题选题的通知").paragraph(PROSE).split();

        Notice notice = bulletin.notices().get(0);
        assertThat(notice.bodyLinks()).isEmpty();
        assertThat(notice.body()).contains("网址：", "http://123.59.72.39:8085/");
    }

    @Test
    void aLinkFragmentDrawnOutOfOrderOverAnotherNoticeIsNotItsLink() throws Exception {
        String first = "http://www.cde.org.cn/news.do?method=viewInfoCommon&id=4bade90ff8127dfb";
        String second = "http://www.cde.org.cn/news.do?method=viewInfoCommon&id=39dbfc16589f1d5f";
        // listed after the second title's, drawn over the first title and its body: Chromium's fragment a column off
        Bulletin bulletin = new LaidOutText()
                .lines("医药信息篇（2021/2/1~2021/2/5）", "国家级").title("1、关于发布流行性感冒药物临床试验指导原则的通告", true).link(first)
                .paragraph(PROSE)
                .title("2、关于公开征求《中药新药复方制", true).link(second).title("剂中医药理论申报资料撰写指导原则", true).link(second)
                .title("（征求意见稿）》意见的通知", true).link(second).paragraph(PROSE)
                .linkOverLineStartingWith("1、关于发布", second).linkOverLineStartingWith(PROSE.substring(0, 10), second)
                .split();

        assertThat(bulletin.notices()).extracting(Notice::links, Notice::bodyLinks)
                .containsExactly(tuple(List.of(first), List.of()), tuple(List.of(second), List.of()));
    }
}
