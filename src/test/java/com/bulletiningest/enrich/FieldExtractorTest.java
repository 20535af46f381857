package com.bulletiningest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import com.bulletiningest.split.Signoff;

@DisplayName("FieldExtractor on notice bodies cut from the corpus text")
class FieldExtractorTest {

    private static final LocalDate WEEK_END = LocalDate.of(2021, 3, 12);

    private final FieldExtractor extractor = new FieldExtractor();

    private NoticeFields extract(String title, String issuer, LocalDate date, String body) {
        Notice notice = new Notice(1, title, issuer, date, null, null, 1, 1, List.of(), List.of(), body);
        Section section = new Section("pharma", "医药信息篇", WEEK_END.minusDays(4), WEEK_END,
                new Signoff("盈科瑞﹒知识产权部", WEEK_END), List.of(new Group("国家级", List.of(notice))));
        return extractor.extract(notice, section, new Bulletin(WEEK_END, 31, List.of(section)));
    }

    @Test
    void issuerAndDateComeFromTheSignatureClosingTheBody() {
        NoticeFields fields = extract("国家药监局药审中心关于发布《境外已上市境内未上市化学药品药学研究与评价技术要求（试行）》的通告（2021 年第 21 号",
                null, null, CorpusText.body("seed-000.txt", 9, 19));

        assertThat(fields.issuer()).isEqualTo("国家药品监督管理局药品审评中心");
        assertThat(fields.issuerDate()).isEqualTo(LocalDate.of(2021, 3, 3));
        assertThat(fields.documentNumber()).isEqualTo("2021 年第 21 号");
        assertThat(fields.referencedNumbers()).containsExactly("药监综药管〔2020〕9 号");
    }

    @Test
    void issuerComesFromTheTitleWhenTheBodyIsNotSigned() {
        NoticeFields fields = extract("国家药监局药审中心关于发布《中药变更受理审查指南（试行）》的通告（2021 年第 24 号）",
                null, null, CorpusText.body("seed-000.txt", 48, 54));

        assertThat(fields.issuer()).isEqualTo("国家药监局药审中心");
        assertThat(fields.issuerDate()).isNull();
        assertThat(fields.documentNumber()).isEqualTo("2021 年第 24 号");
    }

    @Test
    void aTitleThatOpensWithAVerbNamesNoIssuer() {
        NoticeFields fields = extract("两部门联合印发《关于支持“专精特新”中小企业高质量发展的通知》", null, null, "正文。");

        assertThat(fields.issuer()).isNull();
    }

    @Test
    void printedIssuerAndDateWin() {
        NoticeFields fields = extract("市科技局关于做好我市 2021 年国家科技型中小企业评价工作的通知", "天津市科技局",
                LocalDate.of(2021, 3, 3), CorpusText.body("seed-000.txt", 778, 818));

        assertThat(fields.issuer()).isEqualTo("天津市科技局");
        assertThat(fields.issuerDate()).isEqualTo(LocalDate.of(2021, 3, 3));
    }

    @Test
    void deadlineBeforeADate() {
        NoticeFields fields = extract("关于做好 2021 年度国家药品标准提高工作的通知", null, null,
                CorpusText.body("seed-000.txt", 23, 45));

        assertThat(fields.deadlines()).extracting(DatedSentence::date).containsExactly(LocalDate.of(2021, 3, 15));
        assertThat(fields.deadlines().get(0).sentence()).startsWith("请于 2021 年 3 月 15 日前");
    }

    @Test
    void deadlineIsTheEndOfAPublicNoticePeriod() {
        NoticeFields fields = extract("关于发布《化学仿制药参比制剂目录（第四十一批）》的公示", null, null,
                CorpusText.body("seed-000.txt", 58, 67));

        assertThat(fields.deadlines()).extracting(DatedSentence::date).containsExactly(LocalDate.of(2021, 3, 25));
    }

    @Test
    void deadlineWithoutYearTakesTheBulletinsYear() {
        NoticeFields fields = extract("市科技局关于做好我市 2021 年国家科技型中小企业评价工作的通知", "天津市科技局",
                LocalDate.of(2021, 3, 3), CorpusText.body("seed-000.txt", 778, 818));

        assertThat(fields.deadlines()).extracting(DatedSentence::date)
                .contains(LocalDate.of(2021, 10, 20), LocalDate.of(2021, 10, 31));
        assertThat(fields.contacts().persons()).containsExactly("李坦", "吕景礼");
        assertThat(fields.contacts().phones()).containsExactly("87899468转8502", "58326707");
    }

    @Test
    void deadlineIsTheEndOfAnApplicationPeriodAndItsYearCarriesOver() {
        NoticeFields fields = extract("市科技局关于预征集规模以上企业 2021 年天津市研发投入后补助项目的通知", "天津市科学技术局",
                LocalDate.of(2021, 3, 8), CorpusText.body("seed-000.txt", 962, 1090));

        assertThat(fields.deadlines()).extracting(DatedSentence::date)
                .contains(LocalDate.of(2021, 3, 19), LocalDate.of(2021, 4, 13));
        assertThat(fields.amounts()).extracting(Amount::text).contains("500万元");
    }

    @Test
    void deadlineUntilADate() {
        NoticeFields fields = extract("关于做好 2021 年天津科技年鉴编纂工作的通知", "天津市科学技术局", LocalDate.of(2021, 3, 8),
                CorpusText.body("seed-000.txt", 860, 898));

        assertThat(fields.deadlines()).extracting(DatedSentence::date).contains(LocalDate.of(2021, 4, 20));
        assertThat(fields.contacts().persons()).containsExactly("尹剑", "杨莉");
        assertThat(fields.contacts().phones()).contains("13072227394", "18622025258", "24324829");
        assertThat(fields.attachments()).hasSize(1);
    }

    @Test
    void trainingDatesAreEventsNotDeadlines() {
        NoticeFields fields = extract("天津市知识产权保护中心关于举办第二批预审服务备案企业培训的通知", null, null,
                CorpusText.body("seed-000.txt", 286, 335));

        assertThat(fields.events()).extracting(DatedSentence::date)
                .containsExactly(LocalDate.of(2021, 3, 19), LocalDate.of(2021, 3, 24));
        assertThat(fields.deadlines()).isEmpty();
        assertThat(fields.contacts().phones()).containsExactly("022-23768809转6011", "022-23768809转5011");
    }

    @Test
    void listedAttachmentsFollowTheAttachmentHeading() {
        NoticeFields fields = extract("市工业和信息化局市财政局关于印发天津市第一批重点专精特新“小巨人”企业和中小企业公共服务示范平台申报指南的通知",
                "天津市工业和信息化局、天津市财政局", LocalDate.of(2020, 3, 2), CorpusText.body("seed-000.txt", 539, 775));

        assertThat(fields.attachments()).startsWith("天津市第一批重点专精特新“小巨人”企业申请书", "天津市第一批重点专精特新“小巨人”企业基本情况表");
        assertThat(fields.referencedNumbers()).contains("财建〔2021〕2 号");
        assertThat(fields.contacts().persons()).contains("张姝", "高金鑫", "路培");
        assertThat(fields.deadlines()).extracting(DatedSentence::date).contains(LocalDate.of(2021, 3, 8));
    }

    @Test
    void amountsAreReadInYuan() {
        NoticeFields fields = extract("标题", null, null, "将安排 100 亿元以上奖补资金，最高 5,000 万元，给予 20 万元支持。");

        assertThat(fields.amounts()).containsExactly(
                new Amount("100亿元", new BigDecimal("1E+10")),
                new Amount("5,000万元", new BigDecimal("5E+7")),
                new Amount("20万元", new BigDecimal("2E+5")));
    }

    @Test
    void documentNumbersLoseTheVerbBeforeThem() {
        NoticeFields fields = extract("标题", null, null, "根据财建〔2021〕2 号和《办法》（国科发火〔2016〕32 号），依据 2019 年第 25 号公告。");

        assertThat(fields.documentNumber()).isNull();
        assertThat(fields.referencedNumbers()).containsExactly("财建〔2021〕2 号", "国科发火〔2016〕32 号", "2019 年第 25 号");
    }

    @Test
    void sectionSignoffIsNotTheNoticesSignature() {
        NoticeFields fields = extract("关于做好工作的通知", null, null, "正文。\n盈科瑞﹒知识产权部\n2021 年 03 月 12 日");

        assertThat(fields.issuer()).isNull();
    }

    @Test
    void emptyBodyYieldsEmptyFields() {
        NoticeFields fields = extract("标题", null, null, "");

        assertThat(fields.deadlines()).isEmpty();
        assertThat(fields.contacts().isEmpty()).isTrue();
        assertThat(fields.attachments()).isEmpty();
    }
}
