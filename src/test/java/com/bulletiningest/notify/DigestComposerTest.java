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

    private final Bulletin bulletin = new Bulletin(LocalDate.of(2021, 3, 12), 3, List.of(
            section("pharma", "医药信息篇", "国家级", notice(1, "关于发布药品标准的通告")),
            section("ip", "知识产权信息篇", "资讯", notice(1, "专利审查指南修改"), notice(2, "商标注册便利化"))));

    @Test
    @DisplayName("carries exactly the notices of the owner's categories, under their section and group")
    void onlyTheOwnersCategories() {
        Digest digest = new DigestComposer().compose(new Owner("ip@example.com", Set.of("ip")), 7, bulletin).orElseThrow();

        assertThat(digest.recipient()).isEqualTo("ip@example.com");
        assertThat(digest.notices()).isEqualTo(2);
        assertThat(digest.subject()).isEqualTo("政策周报 2021-03-12：2 条通知");
        assertThat(digest.body()).contains("知识产权信息篇", "【资讯】", "1. 专利审查指南修改", "2. 商标注册便利化")
                .doesNotContain("医药信息篇", "药品标准");
    }

    @Test
    @DisplayName("no digest for an owner whose categories have no notice in the bulletin")
    void nothingToSay() {
        assertThat(new DigestComposer().compose(new Owner("tech@example.com", Set.of("tech")), 7, bulletin)).isEmpty();
    }

    private static Section section(String category, String heading, String label, Notice... notices) {
        return new Section(category, heading, LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 12), null,
                List.of(new Group(label, List.of(notices))));
    }

    private static Notice notice(int no, String title) {
        return new Notice(no, title, null, null, null, null, 1, 1, List.of(), List.of(), "");
    }
}
