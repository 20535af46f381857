package com.bulletiningest.split;

import java.time.LocalDate;

import com.bulletiningest.fixtures.CorpusBulletin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The corpus traps")
class CorpusTrapsTest {

    private static Bulletin seed0;
    private static Bulletin seed1;

    @BeforeAll
    static void split() {
        seed0 = CorpusBulletin.split("seed-000");
        seed1 = CorpusBulletin.split("seed-001");
    }

    private static Group group(Bulletin bulletin, String category, String label) {
        return bulletin.sections().stream().filter(s -> s.category().equals(category)).flatMap(s -> s.groups().stream())
                .filter(g -> label.equals(g.label())).findFirst().orElseThrow();
    }

    private static Notice notice(Bulletin bulletin, String category, String label, int no) {
        return group(bulletin, category, label).notices().stream().filter(n -> n.no() == no).findFirst().orElseThrow();
    }

    private static Section section(Bulletin bulletin, String category) {
        return bulletin.sections().stream().filter(s -> s.category().equals(category)).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("numbered lines that are not notices")
    class InnerNumbering {

        @Test
        void bodyLineStartingWithNumberOnlyBecauseOfWrappingStaysInTheBody() {
            assertThat(notice(seed0, "pharma", "国家级", 2).body()).contains("1、2）反馈给你们");
            assertThat(group(seed0, "pharma", "国家级").notices()).extracting(Notice::no).containsExactly(1, 2, 3, 4);
        }

        @Test
        void innerListInSameStyleAsNoticesDoesNotOpenNoticesEvenWhenItReachesTheNextNumber() {
            Notice second = notice(seed1, "ip", "资讯", 2);
            assertThat(second.body()).contains("1、自行改变注册人及注册信息", "2、连续三年不使用", "3、商标沦为通用名称", "4、由于争议而被撤销");
            assertThat(group(seed1, "ip", "资讯").notices()).extracting(Notice::no).containsExactly(1, 2);
        }

        @Test
        void dotListInsideAnIpNoticeIsNotANoticeAlthoughTechNoticesUseDots() {
            assertThat(notice(seed1, "ip", "地方级", 1).body()).contains("1. 积极开展专利侵权纠纷行政裁决示范建设", "10.做好自贸区统计工作");
            assertThat(group(seed1, "ip", "地方级").notices()).hasSize(1);
            assertThat(group(seed1, "tech", "北京市").notices()).extracting(Notice::no).containsExactly(1);
            assertThat(group(seed1, "tech", "天津市").notices()).extracting(Notice::no).containsExactly(1, 2);
        }

        @Test
        void longInnerListFromOneToFiftyOneStaysInItsNotice() {
            assertThat(notice(seed1, "ip", "资讯", 1).body()).contains("1.完善平等保护产权的法律法规体系", "51.积极防范市场异常波动和外部冲击风险");
        }

        @Test
        void indentedInnerListInNoticeStyleStaysInItsNotice() {
            assertThat(notice(seed1, "tech", "天津市", 2).body()).contains("1.关于“年服务中小企业 120 家以上”", "3.关于“集聚服务机构 3 家（含）以上”");
            assertThat(notice(seed0, "tech", "天津市", 5).body()).contains("1.最近一年销售收入小于 5,000 万元");
        }

        @Test
        void fullWidthDotListsStayInTheirNotice() {
            assertThat(notice(seed0, "tech", "天津市", 1).body()).contains("1．我市有效期内的专精特新", "6．天津市第一批支持中小企业公共服务示范平台承诺书");
            assertThat(group(seed0, "tech", "天津市").notices()).extracting(Notice::no).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        }
    }

    @Nested
    @DisplayName("titles")
    class Titles {

        @Test
        void titleWrappedInsideANumberIsJoined() {
            Notice first = notice(seed0, "pharma", "国家级", 1);
            assertThat(first.title()).endsWith("的通告（2021 年第 21 号）");
            assertThat(first.body()).startsWith("为进一步指导企业开展药品研发");
        }

        @Test
        void titleWrappedInsideABookTitleIsJoined() {
            assertThat(notice(seed1, "pharma", "国家级", 3).title()).endsWith("《古代经典名方中药复方制剂说明书撰写指导原则（征求意见稿）》意见的通知");
        }

        @Test
        void firstBodyLineIsNotTakenIntoTheTitle() {
            Notice first = notice(seed1, "ip", "地方级", 1);
            assertThat(first.title()).isEqualTo("关于印发北京市知识产权局“两区”工作推进措施的通知");
            assertThat(first.body()).startsWith("关于印发北京市知识产权局“两区”工作推进措施的通知\n京知局");
            assertThat(notice(seed0, "ip", "地方级", 1).body()).startsWith("天津市知识产权局 2021年工作要点\n");
        }

        @Test
        void trailingIssuerAndDateMoveToTheirFieldsEvenWhenWrapped() {
            Notice second = notice(seed1, "tech", "天津市", 2);
            assertThat(second.title()).endsWith("申报有关工作的通知");
            assertThat(second.issuer()).isEqualTo("天津市工业和信息化局  市财政局");
            assertThat(second.date()).isEqualTo(LocalDate.of(2021, 2, 5));
            Notice first = notice(seed0, "tech", "天津市", 1);
            assertThat(first.issuer()).isEqualTo("天津市工业和信息化局、天津市财政局");
            assertThat(first.date()).isEqualTo(LocalDate.of(2020, 3, 2));
        }

        @Test
        void mediaNamesAfterTheTitleBecomeTheSource() {
            assertThat(notice(seed0, "ip", "资讯", 1)).extracting(Notice::source).isEqualTo("IPRlearn");
            Notice onItsOwnLine = notice(seed1, "ip", "资讯", 1);
            assertThat(onItsOwnLine.source()).isEqualTo("IPRdaily");
            assertThat(onItsOwnLine.title()).endsWith("严格执行侵权惩罚性赔偿制度");
            assertThat(notice(seed1, "ip", "资讯", 2)).extracting(Notice::title, Notice::source)
                    .containsExactly("哪些情况下商标会被撤销？如何防止商标被撤销？", "知产热点");
        }

        @Test
        void publishedTimeAndSourceOnTheTitleLineMoveToTheirFields() {
            Notice notice = notice(seed1, "tech", "北京市", 1);
            assertThat(notice.title()).isEqualTo("两部门联合印发《关于支持“专精特新”中小企业高质量发展的通知》");
            assertThat(notice.published()).isEqualTo("2021-02-02 14:38");
            assertThat(notice.source()).isEqualTo("中小企业局");
        }
    }

    @Nested
    @DisplayName("pages, sections and sign-offs")
    class Structure {

        @Test
        void noticeRunsAcrossAPageBreak() {
            Notice second = notice(seed0, "pharma", "国家级", 2);
            assertThat(second.page()).isEqualTo(1);
            assertThat(second.lastPage()).isEqualTo(2);
            assertThat(second.body()).contains("B 类为承担单位自行解决课题经费。\n请于 2021 年 3 月 15 日前");
        }

        @Test
        void signOffClosesASectionAndIsNotBodyText() {
            Section ip = section(seed0, "ip");
            assertThat(ip.signoff()).isEqualTo(new Signoff("盈科瑞﹒知识产权部", LocalDate.of(2021, 3, 12)));
            assertThat(notice(seed0, "ip", "资讯", 1).body()).doesNotContain("盈科瑞");
            assertThat(seed0.issued()).isEqualTo(LocalDate.of(2021, 3, 12));
        }

        @Test
        void issuerSignatureClosingTheLastNoticeIsNoSectionSignOff() {
            assertThat(section(seed1, "pharma").signoff()).isNull();
            assertThat(notice(seed1, "pharma", "国家级", 4).body()).endsWith("国家药品监督管理局药品审评中心\n2021 年 2 月 4 日");
        }

        @Test
        void sectionWithoutSignOff() {
            assertThat(section(seed0, "pharma").signoff()).isNull();
            assertThat(notice(seed0, "pharma", "国家级", 4).body()).endsWith("（10 个工作日）。");
        }

        @Test
        void periodsWithAndWithoutTheEndYear() {
            assertThat(section(seed0, "tech")).extracting(Section::periodStart, Section::periodEnd)
                    .containsExactly(LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 12));
            assertThat(section(seed1, "ip")).extracting(Section::periodStart, Section::periodEnd)
                    .containsExactly(LocalDate.of(2021, 1, 30), LocalDate.of(2021, 2, 5));
        }

        @Test
        void linksOverTitleLinesAreTheSourceAndOthersAreBodyLinksInPageOrder() {
            Notice news = notice(seed0, "ip", "资讯", 1);
            assertThat(news.links()).containsExactly("javascript:void(0);");
            assertThat(news.bodyLinks()).hasSize(9).doesNotHaveDuplicates();
            assertThat(notice(seed0, "pharma", "国家级", 1).links()).hasSize(1);
            assertThat(notice(seed0, "ip", "地方级", 1).links()).isEmpty();
        }
    }
}
