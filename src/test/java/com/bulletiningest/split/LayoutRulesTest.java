package com.bulletiningest.split;

import java.time.LocalDate;

import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.extract.UnreadableBulletinException.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** How the splitter reads the layouts of office documents: other numbering, indented and run-in titles, outlines, tables. */
@DisplayName("Splitter rules for office-document layouts")
class LayoutRulesTest {

    private static final String PROSE = LaidOutText.PROSE;

    @Test
    void circledNumbersNumberTheNoticesWhenTheTitlesAreTheirsAndArabicListsStayInTheBodies() throws Exception {
        Bulletin bulletin = new LaidOutText()
                .lines("科技项目篇（2021/3/8~3/12）", "天津市").title("①关于开展质量攻关项目申报工作的通知", true).paragraph(PROSE)
                .lines("1.改进生产工艺。", "2.优化服务流程。")
                .title("②关于征集决策咨询课题选题的通知", true).paragraph(PROSE)
                .lines("1.课题征集范围。", "2.报送要求。", "3.联系方式。").paragraph(PROSE).split();

        assertThat(bulletin.notices()).extracting(Notice::no, Notice::title)
                .containsExactly(tuple(1, "关于开展质量攻关项目申报工作的通知"), tuple(2, "关于征集决策咨询课题选题的通知"));
        assertThat(bulletin.notices().get(1).body()).contains("3.联系方式。");
    }

    @Test
    void titlesIndentedLikeEveryParagraphAreFoundWhereParagraphsStart() throws Exception {
        Bulletin bulletin = new LaidOutText()
                .lines("医药信息篇（2021/3/8~2021/3/12）", "国家级").title("    1、关于发布药品标准的公告", true)
                .line("    " + PROSE.substring(0, 50)).line(PROSE.substring(50)).line("    一、申报材料。")
                .title("    2、关于印发药品目录的通知", true).line("    " + PROSE.substring(0, 50)).line(PROSE.substring(50)).split();

        assertThat(bulletin.notices()).extracting(Notice::no, Notice::title)
                .containsExactly(tuple(1, "关于发布药品标准的公告"), tuple(2, "关于印发药品目录的通知"));
    }

    @Test
    void withoutBoldOrLinksTheNoticesUnderTheHeadingAndLabelsOutweighAnOutlineInTheirBodies() throws Exception {
        // as OCR reads a scan: no font signals; the body's 一、 list has two items ending like titles (措施)
        Bulletin bulletin = new LaidOutText()
                .lines("知识产权信息篇（2021/01/30~2021/02/5）", "地方级", "1、关于印发知识产权局工作推进措施的通知").paragraph(PROSE)
                .line("一、总体要求").paragraph(PROSE)
                .line("二、工作措施").paragraph(PROSE)
                .line("三、保障措施").paragraph(PROSE)
                .lines("资讯", "1、中共中央国务院：对恶意侵权等行为严格执行侵权惩罚性赔偿制度", "(IPRdaily)").paragraph(PROSE).split();

        assertThat(bulletin.notices()).extracting(Notice::no, Notice::title).containsExactly(
                tuple(1, "关于印发知识产权局工作推进措施的通知"), tuple(1, "中共中央国务院：对恶意侵权等行为严格执行侵权惩罚性赔偿制度"));
        assertThat(bulletin.notices().get(0).body()).contains("二、工作措施", "三、保障措施");
    }

    @Test
    void aBoldRunInTitleEndsWhereTheBoldRunAndItsIssuerEnd() throws Exception {
        Bulletin bulletin = new LaidOutText()
                .lines("科技项目篇（2021/3/8~3/12）", "天津市")
                .runIn("1、关于做好科技年鉴编纂工作的通知", " 天津市科学技术局（2021-3-8） 各有关单位：现将有关事项通知如下。").paragraph(PROSE)
                .runIn("2、关于征集决策咨询课题选题的通知", " 为做好课题征集工作，现将有关事项通知如下。").paragraph(PROSE).split();

        assertThat(bulletin.notices()).extracting(Notice::title, Notice::issuer, Notice::date)
                .containsExactly(tuple("关于做好科技年鉴编纂工作的通知", "天津市科学技术局", LocalDate.of(2021, 3, 8)),
                        tuple("关于征集决策咨询课题选题的通知", null, null));
        assertThat(bulletin.notices().get(0).body()).startsWith("各有关单位：现将有关事项通知如下。");
        assertThat(bulletin.notices().get(1).body()).startsWith("为做好课题征集工作");
    }

    @Test
    void outlineNumberedGroupLabelsRestartTheNumberingAndAnOutlineInABodyIsNoLabel() throws Exception {
        Bulletin bulletin = new LaidOutText()
                .lines("一、医药信息篇（2021/3/8~2021/3/12）", "（一）国家级", "1.关于发布药品标准的公告").paragraph(PROSE)
                .lines("（一）申报材料", "1.申请表。").paragraph(PROSE)
                .lines("（二）地方级", "1.关于印发药品目录的通知").paragraph(PROSE)
                .line("2.关于开展药品抽检工作的通知").paragraph(PROSE).split();

        assertThat(bulletin.sections().get(0).groups()).extracting(Group::label).containsExactly("国家级", "地方级");
        assertThat(bulletin.notices()).extracting(Notice::no).containsExactly(1, 1, 2);
        assertThat(bulletin.notices().get(0).body()).contains("（一）申报材料\n1.申请表。");
    }

    @Test
    void aTableOfNoticesGivesOneNoticePerRowWithTitleIssuerAndDateFromItsColumns() throws Exception {
        Bulletin bulletin = new LaidOutText()
                .lines("科技项目篇（2021/3/8~3/12）", "天津市")
                .row("序号", "文件名称", "发布单位", "发布日期")
                .row("1", "关于做好科技年鉴编纂工作的通知", "天津市科学技术局", "2021-03-08")
                .row("2", "关于征集决策咨询课题选题的通知", "天津市科学技术协会", "2021-03-11")
                .lines("盈科瑞﹒科技项目部", "2021 年 03 月 12 日").split();

        assertThat(bulletin.notices()).extracting(Notice::no, Notice::title, Notice::issuer, Notice::date)
                .containsExactly(tuple(1, "关于做好科技年鉴编纂工作的通知", "天津市科学技术局", LocalDate.of(2021, 3, 8)),
                        tuple(2, "关于征集决策咨询课题选题的通知", "天津市科学技术协会", LocalDate.of(2021, 3, 11)));
        assertThat(bulletin.sections().get(0).signoff().dept()).isEqualTo("盈科瑞﹒科技项目部");
    }

    @Test
    void sectionsWithoutNoticeNumberingAreRefusedNamingTheNumberingSeen() {
        LaidOutText text = new LaidOutText()
                .lines("医药信息篇（2021/3/8~2021/3/12）", "国家级").paragraph(PROSE)
                .lines("（1）申请表。", "（2）承诺书。").paragraph(PROSE);

        assertThatThrownBy(text::split)
                .isInstanceOfSatisfying(UnreadableBulletinException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_BULLETIN))
                .hasMessageContaining("1 section heading(s) found but no numbered notices")
                .hasMessageContaining("numbering styles seen were （1） ×2");
    }
}
