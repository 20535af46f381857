package com.bulletiningest.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    @DisplayName("subject names the owner's sections, the period and the count of new notices")
    void subject() {
        Digest digest = composer.compose(new Owner("lead@localhost", Set.of("pharma", "ip", "tech")), 7, bulletin).orElseThrow();

        assertThat(digest.recipient()).isEqualTo("lead@localhost");
        assertThat(digest.notices()).isEqualTo(3);
        assertThat(digest.subject()).isEqualTo("【政策周报】医药信息篇、知识产权信息篇 2021-03-08~2021-03-12：3 条新通知");
    }

    @Test
    @DisplayName("carries exactly the notices of the owner's categories, under their section and group, in both parts")
    void onlyTheOwnersCategories() {
        Digest digest = composer.compose(new Owner("ip@localhost", "知识产权组", Set.of("ip")), 7, bulletin).orElseThrow();

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
        Digest digest = composer.compose(new Owner("ip@localhost", Set.of("ip", "pharma")), 7, bulletin).orElseThrow();

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
        assertThat(composer.compose(new Owner("tech@localhost", Set.of("tech")), 7, bulletin)).isEmpty();
        assertThat(composer.compose(new Owner("x@localhost", Set.of("astronomy")), 7, bulletin)).isEmpty();
    }

    private static Section section(String category, String heading, String label, Notice... notices) {
        return new Section(category, heading, MONDAY, MONDAY.plusDays(4), null, List.of(new Group(label, List.of(notices))));
    }

    private static Notice notice(int no, String title, String issuer, String link) {
        return new Notice(no, title, issuer, issuer == null ? null : MONDAY, null, null, 1, 1, List.of(link), List.of(), "");
    }
}
