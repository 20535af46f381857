package com.bulletiningest.enrich;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.Enrichers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Enrichment of the corpus bulletins as split from their PDFs, with the shipped config/tags.yaml")
class CorpusEnrichTest {

    private static List<EnrichedNotice> seed000;
    private static List<EnrichedNotice> seed001;

    @BeforeAll
    static void enrichCorpus() throws Exception {
        Enricher enricher = Enrichers.create(Path.of("config/tags.yaml"), false, Enricher.DEFAULT_KEYWORD_COUNT);
        seed000 = enricher.enrich(CorpusBulletin.split("seed-000"));
        seed001 = enricher.enrich(CorpusBulletin.split("seed-001"));
    }

    private static Enrichment notice(List<EnrichedNotice> bulletin, String category, String group, int no) {
        return bulletin.stream()
                .filter(n -> n.section().category().equals(category) && n.group().label().equals(group) && n.notice().no() == no)
                .findFirst().orElseThrow(() -> new AssertionError("no notice " + category + "/" + group + "/" + no))
                .enrichment();
    }

    private static List<LocalDate> deadlines(Enrichment enrichment) {
        return enrichment.fields().deadlines().stream().map(DatedSentence::date).toList();
    }

    @Test
    void pharmaStandardsNoticeIsDueOnMarch15() {
        Enrichment notice = notice(seed000, "pharma", "国家级", 2);

        assertThat(deadlines(notice)).containsExactly(LocalDate.of(2021, 3, 15));
        assertThat(notice.tags()).contains("药品标准", "全国", "有截止日期");
    }

    @Test
    void referenceListPublicNoticeEndsOnMarch25() {
        Enrichment notice = notice(seed000, "pharma", "国家级", 4);

        assertThat(deadlines(notice)).containsExactly(LocalDate.of(2021, 3, 25));
        assertThat(notice.tags()).contains("公示", "仿制药", "有截止日期");
    }

    @Test
    void signedPharmaNoticeNamesItsIssuerAndNumber() {
        NoticeFields fields = notice(seed000, "pharma", "国家级", 1).fields();

        assertThat(fields.issuer()).isEqualTo("国家药品监督管理局药品审评中心");
        assertThat(fields.issuerDate()).isEqualTo(LocalDate.of(2021, 3, 3));
        assertThat(fields.documentNumber()).isEqualTo("2021 年第 21 号");
    }

    @Test
    void researchSubsidyApplicationsCloseOnMarch19() {
        Enrichment notice = notice(seed000, "tech", "天津市", 6);

        assertThat(deadlines(notice)).contains(LocalDate.of(2021, 3, 19));
        assertThat(notice.tags()).contains("研发补助", "天津");
    }

    @Test
    void smeEvaluationClosesOnOctober20OfTheBulletinsYear() {
        Enrichment notice = notice(seed000, "tech", "天津市", 2);

        assertThat(deadlines(notice)).contains(LocalDate.of(2021, 10, 20));
        assertThat(notice.fields().issuer()).isEqualTo("天津市科技局");
        assertThat(notice.tags()).contains("科技型中小企业", "天津");
    }

    @Test
    void littleGiantsGuideIsTaggedForItsTopicAndRegion() {
        Enrichment notice = notice(seed000, "tech", "天津市", 1);

        assertThat(notice.tags()).contains("专精特新", "天津", "申报", "发布");
        assertThat(notice.fields().attachments()).contains("天津市第一批重点专精特新“小巨人”企业申请书");
    }

    @Test
    void beijingIpMeasuresCarryTheirNumberAndSignature() {
        NoticeFields fields = notice(seed001, "ip", "地方级", 1).fields();

        assertThat(fields.documentNumber()).isEqualTo("京知局〔2021〕35 号");
        assertThat(fields.issuer()).isEqualTo("北京市知识产权局");
        assertThat(fields.issuerDate()).isEqualTo(LocalDate.of(2021, 2, 3));
    }

    @Test
    void draftGuidelinesInviteCommentsUntilFebruary18() {
        Enrichment notice = notice(seed001, "pharma", "国家级", 3);

        assertThat(deadlines(notice)).containsExactly(LocalDate.of(2021, 2, 18));
        assertThat(notice.tags()).contains("征求意见", "中药");
        assertThat(notice.fields().contacts().emails()).containsExactly("zhangyaxin@cde.org.cn", "anna@cde.org.cn");
        assertThat(notice.fields().contacts().persons()).containsExactly("张亚欣", "安娜");
    }

    @Test
    void beijingLittleGiantsNoticeReprintsTheMinistriesNumber() {
        Enrichment notice = notice(seed001, "tech", "北京市", 1);

        assertThat(notice.fields().documentNumber()).isEqualTo("财建〔2021〕2 号");
        assertThat(notice.fields().amounts()).extracting(Amount::text).contains("100亿元");
        assertThat(notice.tags()).contains("专精特新", "北京");
    }
}
