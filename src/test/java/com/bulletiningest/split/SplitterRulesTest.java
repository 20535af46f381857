package com.bulletiningest.split;

import java.time.LocalDate;
import java.util.List;

import com.bulletiningest.extract.TestPdfs;
import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.extract.UnreadableBulletinException.Reason;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@DisplayName("Splitter rules beyond the corpus layout")
class SplitterRulesTest {

    /** A long paragraph, so that wrapped lines fill the width as in a real bulletin. */
    private static final String PROSE = LaidOutText.PROSE;

    private final BulletinSplitter splitter = new BulletinSplitter(Categories::defaults);

    private Bulletin split(LaidOutText text) throws UnreadableBulletinException {
        return splitter.split(text.pdf());
    }

    @Test
    void fullWidthDotNoticesWithInnerListsOfTheSameStyle() throws Exception {
        Bulletin bulletin = split(new LaidOutText()
                .lines("科技项目篇（2021/3/8~3/12）", "天津市", "1．关于开展质量攻关项目申报工作的通知")
                .paragraph(PROSE).lines("1．改进生产工艺。", "2．优化服务流程。")
                .line("2．关于征集决策咨询课题选题的通知  天津市科学技术协会（2021-3-11）").paragraph(PROSE)
                .lines("1．课题征集范围", "2．报送要求").paragraph(PROSE)
                .line("3．关于做好科技年鉴编纂工作的通知  天津市科学技术局（2021-3-8）").paragraph(PROSE)
                .lines("1．联系方式", "2．附件", "3．信息系统登录方式").paragraph(PROSE)
                .lines("盈科瑞﹒科技项目部", "2021 年 03 月 12 日"));

        Group group = bulletin.sections().get(0).groups().get(0);
        assertThat(group.notices()).extracting(Notice::no).containsExactly(1, 2, 3);
        assertThat(group.notices().get(2).issuer()).isEqualTo("天津市科学技术局");
        assertThat(group.notices().get(2).body()).contains("3．信息系统登录方式");
        assertThat(group.notices().get(0).body()).contains("1．改进生产工艺。\n2．优化服务流程。");
    }

    @Test
    void innerListReachingTheNextNumberNeedsTitleEvidenceToOpenANotice() throws Exception {
        Bulletin bulletin = split(new LaidOutText()
                .lines("知识产权信息篇（2021/01/30~2021/02/5）", "资讯", "1、商标注册流程有哪些？（知产热点）").paragraph(PROSE)
                .line("2、哪些情况下商标会被撤销？（知产热点）").paragraph(PROSE)
                .lines("1、自行改变注册人", "2、连续三年不使用", "3、商标沦为通用名称").paragraph(PROSE)
                .line("3、如何防止商标被撤销？（知产热点）").paragraph(PROSE));

        assertThat(bulletin.notices()).extracting(Notice::no, Notice::source)
                .containsExactly(tuple(1, "知产热点"), tuple(2, "知产热点"),
                        tuple(3, "知产热点"));
        assertThat(bulletin.notices().get(1).body()).contains("3、商标沦为通用名称");
    }

    @Test
    void numberingMayContinueAcrossGroupsAndLabelsAreRecognisedByShape() throws Exception {
        Bulletin bulletin = split(new LaidOutText()
                .lines("医药信息篇（2021/3/8~2021/3/12）", "华东地区", "1、关于发布药品标准的公告").paragraph(PROSE)
                .lines("申报材料：", "1、申请表").paragraph(PROSE)
                .lines("西南地区", "2、关于印发药品目录的通知").paragraph(PROSE));

        assertThat(bulletin.sections().get(0).groups()).extracting(Group::label).containsExactly("华东地区", "西南地区");
        assertThat(bulletin.notices()).extracting(Notice::no).containsExactly(1, 2);
        assertThat(bulletin.notices().get(0).body()).contains("申报材料：\n1、申请表");
    }

    @Test
    void runningHeadersFootersAndPageNumbersAreNotText() throws Exception {
        LaidOutText text = new LaidOutText();
        for (int page = 1; page <= 3; page++) {
            if (page > 1) {
                text.newPage();
            }
            text.line("盈科瑞政策周报 第 " + page + " 页");
            if (page == 1) {
                text.lines("医药信息篇（2021/3/8~2021/3/12）", "国家级", "1、关于做好药品标准提高工作的通知");
            }
            text.paragraph(PROSE + PROSE).line("- " + page + " -");
        }
        Notice notice = split(text).notices().get(0);

        assertThat(notice.body()).doesNotContain("周报", "- 2 -").contains("情况和存在的问题。\n为深入贯彻落实");
        assertThat(notice.lastPage()).isEqualTo(3);
    }

    @Test
    void urlsPrintedAsTextAreLinksNeverBodyText() throws Exception {
        String annotated = "http://www.cde.org.cn/news.do?method=viewInfoCommon&id=22e22f0726b4910c";
        String printedOnly = "https://www.miit.gov.cn/xwdt/gxdt/sjdt/art/2021/art_4b80c75fe4c446aaa76a536b74577c02.html";
        Bulletin bulletin = split(new LaidOutText()
                .lines("医药信息篇（2021/3/8~2021/3/12）", "国家级", "1、关于发布药品标准的公告").link(annotated)
                .paragraph(PROSE)
                .lines(annotated, printedOnly.substring(0, 60), printedOnly.substring(60))
                .newPage().line("2、关于印发药品目录的通知").paragraph(PROSE));

        Notice first = bulletin.notices().get(0);
        assertThat(first.links()).containsExactly(annotated);
        assertThat(first.bodyLinks()).containsExactly(printedOnly);
        assertThat(first.body()).doesNotContain("http");
        assertThat(bulletin.notices().get(1).page()).isEqualTo(2);
    }

    @Test
    void linkDrawnALittleOffItsTitleLineStillBelongsToIt() throws Exception {
        Bulletin bulletin = split(new LaidOutText()
                .lines("医药信息篇（2021/3/8~2021/3/12）", "国家级", "1、关于发布药品标准的公告").link("https://example.org/1", 6)
                .paragraph(PROSE).line("2、关于印发药品目录的通知").link("https://example.org/2", -6).paragraph(PROSE));

        assertThat(bulletin.notices()).extracting(Notice::links)
                .containsExactly(List.of("https://example.org/1"), List.of("https://example.org/2"));
    }

    @Test
    void signOffOnOneLineAndSectionWithoutGroupLabel() throws Exception {
        Bulletin bulletin = split(new LaidOutText()
                .lines("政策解读篇（2020/12/28~1/3）", "1、关于做好年度工作的通知").paragraph(PROSE)
                .line("盈科瑞﹒科技项目部 2021 年 01 月 04 日"));

        Section section = bulletin.sections().get(0);
        assertThat(section.category()).isEqualTo(Categories.OTHER);
        assertThat(section.heading()).isEqualTo("政策解读篇");
        assertThat(section.periodEnd()).isEqualTo(LocalDate.of(2021, 1, 3));
        assertThat(section.signoff()).isEqualTo(new Signoff("盈科瑞﹒科技项目部", LocalDate.of(2021, 1, 4)));
        assertThat(section.groups()).singleElement().extracting(Group::label).isNull();
        assertThat(bulletin.issued()).isEqualTo(LocalDate.of(2021, 1, 4));
    }

    @Test
    void textWithoutSectionHeadingsIsNotABulletin() {
        assertThatThrownBy(() -> split(new LaidOutText().lines("会议纪要", "1、会议时间").paragraph(PROSE)))
                .isInstanceOfSatisfying(UnreadableBulletinException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_BULLETIN));
        assertThatThrownBy(() -> split(new LaidOutText().line("医药信息篇（2021/3/8~2021/3/12）").paragraph(PROSE)))
                .isInstanceOfSatisfying(UnreadableBulletinException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_BULLETIN));
    }

    @Test
    void readablePdfWithoutBulletinStructureIsNotABulletin() throws Exception {
        try (PDDocument document = TestPdfs.text(false, "Minutes of the meeting", "1. Opening")) {
            byte[] pdf = TestPdfs.bytes(document);
            assertThatThrownBy(() -> new BulletinReader(Categories.defaults()).read(pdf))
                    .isInstanceOfSatisfying(UnreadableBulletinException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NOT_A_BULLETIN);
                        assertThat(e.getMessage()).startsWith("not a bulletin");
                    });
        }
    }
}
