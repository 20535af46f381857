package com.bulletiningest.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import com.bulletiningest.enrich.Contacts;
import com.bulletiningest.enrich.DatedSentence;
import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.enrich.Enrichment;
import com.bulletiningest.enrich.NoticeFields;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import com.bulletiningest.store.write.StoredBulletin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("digest composer")
class DigestComposerTest {

    private static final LocalDate MONDAY = LocalDate.of(2021, 3, 8);

    private final Bulletin bulletin = new Bulletin(LocalDate.of(2021, 3, 12), 3, List.of(
            section("pharma", "医药信息篇", "国家级",
                    notice(1, "关于发布药品标准的通告", "国家药监局", "https://www.nmpa.gov.cn/1.html")),
            section("ip", "知识产权信息篇", "资讯",
                    notice(1, "专利审查指南修改", null, "https://www.cnipa.gov.cn/a?x=1&y=2"),
                    notice(2, "<商标> & \"注册\" 便利化", null, "javascript:alert(1)")),
            section("tech", "科技项目篇", "天津市")));

    private final DigestComposer composer = new DigestComposer();

    /** The bulletin's notices, as the store hands them over, with nothing enriched. */
    private final List<EnrichedNotice> plain = enriched(bulletin, Map.of());

    @Test
    @DisplayName("subject names the owner's sections, the period and the count of new notices")
    void subject() {
        Digest digest = composer.compose(new Owner("lead@localhost", Set.of("pharma", "ip", "tech")), stored(plain)).orElseThrow();

        assertThat(digest.recipient()).isEqualTo("lead@localhost");
        assertThat(digest.notices()).isEqualTo(3);
        assertThat(digest.subject()).isEqualTo("【政策周报】医药信息篇、知识产权信息篇 2021-03-08~2021-03-12：3 条新通知");
    }

    @Test
    @DisplayName("carries exactly the notices of the owner's categories, under their section and group, in both parts")
    void onlyTheOwnersCategories() {
        Digest digest = composer.compose(new Owner("ip@localhost", "知识产权组", Set.of("ip")), stored(plain)).orElseThrow();

        assertThat(digest.notices()).isEqualTo(2);
        assertThat(digest.subject()).isEqualTo("【政策周报】知识产权信息篇 2021-03-08~2021-03-12：2 条新通知");
        assertThat(digest.text()).startsWith("知识产权组：本期政策周报有 2 条新通知。")
                .contains("知识产权信息篇（2021-03-08 ~ 2021-03-12）", "【资讯】", "1. 专利审查指南修改",
                        "https://www.cnipa.gov.cn/a?x=1&y=2", "2. <商标> & \"注册\" 便利化")
                .doesNotContain("医药信息篇", "药品标准");
        assertThat(digest.html()).contains("<h2>知识产权信息篇 <small>2021-03-08 ~ 2021-03-12</small></h2>", "<h3>资讯</h3>")
                .doesNotContain("医药信息篇", "药品标准");
    }

    @Test
    @DisplayName("HTML: titles escaped and linked to their first web link; a non-web link is not made clickable")
    void htmlIsEscapedAndLinked() {
        Digest digest = composer.compose(new Owner("ip@localhost", Set.of("ip", "pharma")), stored(plain)).orElseThrow();

        assertThat(digest.html())
                .contains("1. <a href=\"https://www.nmpa.gov.cn/1.html\">关于发布药品标准的通告</a>",
                        "国家药监局 · 2021-03-08 · 第 1 页",
                        "<a href=\"https://www.cnipa.gov.cn/a?x=1&amp;y=2\">专利审查指南修改</a>",
                        "2. &lt;商标&gt; &amp; &quot;注册&quot; 便利化<br>")
                .doesNotContain("javascript:", "<商标>");
    }

    @Test
    @DisplayName("no digest for an owner whose categories have no notice in the bulletin")
    void nothingToSay() {
        assertThat(composer.compose(new Owner("tech@localhost", Set.of("tech")), stored(plain))).isEmpty();
        assertThat(composer.compose(new Owner("x@localhost", Set.of("astronomy")), stored(plain))).isEmpty();
    }

    @Test
    @DisplayName("an owner following a tag gets the notices carrying it (rule tag or keyword) from any category, "
            + "besides their own categories, each notice once")
    void tagSubscriptionAcrossCategories() {
        List<EnrichedNotice> notices = enriched(bulletin, Map.of(
                "关于发布药品标准的通告", enrichment(List.of("天津", "药品标准"), List.of(), null, null, null),
                "专利审查指南修改", enrichment(List.of("专利"), List.of("天津"), null, null, null),
                "<商标> & \"注册\" 便利化", enrichment(List.of("商标", "天津"), List.of(), null, null, null)));
        Owner tianjin = new Owner("tj@localhost", "天津办", Set.of("ip"), Set.of("天津", "专精特新"));

        Digest digest = composer.compose(tianjin, stored(notices)).orElseThrow();

        assertThat(digest.notices()).isEqualTo(3);
        assertThat(digest.subject()).isEqualTo("【政策周报】医药信息篇、知识产权信息篇 2021-03-08~2021-03-12：3 条新通知");
        assertThat(digest.text()).containsOnlyOnce("关于发布药品标准的通告").containsOnlyOnce("专利审查指南修改")
                .containsOnlyOnce("便利化").contains("标签 天津、药品标准", "标签 专利 · 关键词 天津");
        assertThat(composer.compose(new Owner("x@localhost", null, Set.of(), Set.of("天津")), stored(plain)))
                .as("nobody gets a notice for a tag it does not carry").isEmpty();
        assertThat(composer.compose(new Owner("x@localhost", null, Set.of(), Set.of("专利")), stored(notices))
                .orElseThrow().text()).contains("专利审查指南修改").doesNotContain("药品标准的通告", "便利化");
    }

    @Test
    @DisplayName("notices with a deadline come first, soonest first and naming their section and group, a passed "
            + "deadline last and marked; each shows its deadline, document number, "
            + "issuer and tags, in both parts")
    void deadlinesFirstWithWhatEnrichFound() {
        List<EnrichedNotice> notices = enriched(bulletin, Map.of(
                "关于发布药品标准的通告", enrichment(List.of("药品标准", "有截止日期"), List.of(), LocalDate.of(2021, 3, 1),
                        null, null),
                "专利审查指南修改", enrichment(List.of("专利", "有截止日期"), List.of(), LocalDate.of(2021, 3, 25),
                        "国知局〔2021〕7 号", "国家知识产权局"),
                "<商标> & \"注册\" 便利化", enrichment(List.of("商标", "有截止日期"), List.of(),
                        LocalDate.of(2021, 3, 15), null, null)));

        Digest digest = composer.compose(new Owner("lead@localhost", Set.of("pharma", "ip")), stored(notices)).orElseThrow();

        String text = digest.text();
        assertThat(text).startsWith("本期政策周报有 3 条新通知，其中 3 条有截止日期，排在最前。")
                .contains("【知识产权信息篇 · 资讯】2. <商标> & \"注册\" 便利化\n   第 1 页\n   截止 2021-03-15\n   标签 商标、有截止日期\n",
                        "【知识产权信息篇 · 资讯】1. 专利审查指南修改\n   第 1 页\n"
                                + "   截止 2021-03-25 · 文号 国知局〔2021〕7 号 · 发文 国家知识产权局（2021-03-03）\n");
        assertThat(text.indexOf("2021-03-15")).isLessThan(text.indexOf("2021-03-25"));
        assertThat(text.indexOf("2021-03-25")).isLessThan(text.indexOf("【医药信息篇 · 国家级】1. 关于发布药品标准的通告\n"
                + "   国家药监局 · 2021-03-08 · 第 1 页\n   截止 2021-03-01（已过）\n"));
        assertThat(text).containsOnlyOnce("专利审查指南修改").doesNotContain("知识产权信息篇（", "医药信息篇（");
        assertThat(digest.html()).contains("<h2>有截止日期（按截止日期先后）</h2>",
                "<small>截止 2021-03-25 · 文号 国知局〔2021〕7 号 · 发文 国家知识产权局（2021-03-03）</small>",
                "<small>标签 商标、有截止日期</small>");
        assertThat(digest.html().indexOf("截止 2021-03-15")).isLessThan(digest.html().indexOf("截止 2021-03-25"));
    }

    @Test
    @DisplayName("with bulletin.public-url set, each notice links to its page in the console (HTML anchor and "
            + "plain-text URL); without it, no such link")
    void linksToNoticePages() {
        Owner owner = new Owner("ip@localhost", Set.of("ip"));

        Digest linked = new DigestComposer("https://bulletins.example.org/").compose(owner, stored(plain)).orElseThrow();
        Digest unlinked = composer.compose(owner, stored(plain)).orElseThrow();

        assertThat(linked.text()).contains("1. 专利审查指南修改\n   第 1 页\n   https://www.cnipa.gov.cn/a?x=1&y=2\n"
                + "   在归档中查看 https://bulletins.example.org/notices/102\n",
                "在归档中查看 https://bulletins.example.org/notices/103\n");
        assertThat(linked.html()).contains("<a href=\"https://bulletins.example.org/notices/102\">在归档中查看</a>",
                "<a href=\"https://bulletins.example.org/notices/103\">在归档中查看</a>")
                .doesNotContain("/notices/101");
        assertThat(unlinked.text() + unlinked.html()).doesNotContain("在归档中查看", "/notices/");
        assertThat(new DigestComposer("https://archive.example.org/bulletins").compose(owner, stored(plain))
                .orElseThrow().text()).contains("https://archive.example.org/bulletins/notices/102\n");
    }

    @Test
    @DisplayName("a notice read by OCR from a scan says so with its confidence, so that a reader checks numbers and dates")
    void scannedNoticesAreMarked() {
        List<EnrichedNotice> notices = plain;
        StoredBulletin scanned = new StoredBulletin(7, bulletin.issued(), notices,
                LongStream.range(101, 101 + notices.size()).boxed().toList(), Map.of(102L, 0.962f));

        Digest digest = composer.compose(new Owner("ip@localhost", Set.of("ip")), scanned).orElseThrow();

        assertThat(digest.text()).contains("1. 专利审查指南修改\n   第 1 页 · 扫描识别（置信度 96%），数字和日期请以 PDF 为准\n");
        assertThat(digest.html()).contains("扫描识别（置信度 96%），数字和日期请以 PDF 为准");
        assertThat(digest.text().split("扫描识别", -1)).as("only the scanned notice is marked").hasSize(2);
    }

    @Test
    @DisplayName("a public URL that is not an http(s) address is refused with the setting's name")
    void badPublicUrl() {
        assertThatThrownBy(() -> new DigestComposer("bulletins.example.org"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bulletin.public-url");
        assertThatThrownBy(() -> new DigestComposer("javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bulletin.public-url");
    }

    /** The notices as the store hands them over with bulletin #7, their ids from 101 in print order. */
    private StoredBulletin stored(List<EnrichedNotice> notices) {
        return new StoredBulletin(7, bulletin.issued(), notices,
                LongStream.range(101, 101 + notices.size()).boxed().toList());
    }

    /** The bulletin's notices in print order, enriched as {@code byTitle} says (nothing found for the others). */
    private static List<EnrichedNotice> enriched(Bulletin bulletin, Map<String, Enrichment> byTitle) {
        return EnrichedNotice.inPrintOrder(bulletin, (section, group, notice) ->
                byTitle.getOrDefault(notice.title(), Enrichment.NONE));
    }

    private static Enrichment enrichment(List<String> tags, List<String> keywords, LocalDate deadline,
                                         String documentNumber, String issuer) {
        NoticeFields fields = new NoticeFields(issuer, issuer == null ? null : LocalDate.of(2021, 3, 3), documentNumber,
                List.of(), deadline == null ? List.of() : List.of(new DatedSentence(deadline, "请于截止日前提交。")),
                List.of(), new Contacts(List.of(), List.of(), List.of()), List.of(), List.of());
        return new Enrichment(fields, tags, keywords);
    }

    private static Section section(String category, String heading, String label, Notice... notices) {
        return new Section(category, heading, MONDAY, MONDAY.plusDays(4), null, List.of(new Group(label, List.of(notices))));
    }

    private static Notice notice(int no, String title, String issuer, String link) {
        return new Notice(no, title, issuer, issuer == null ? null : MONDAY, null, null, 1, 1, List.of(link), List.of(), "");
    }
}
