package com.bulletiningest.enrich;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule's regex runs within a time bound: one that backtracks without end is stopped and named, not left spinning. */
@DisplayName("regex rules within a time bound")
class RegexTimeBoundTest {

    private static final String BODY = "关于开展2021年度天津市科技型中小企业评价工作的通知，各区科技局、有关单位：为贯彻落实"
            + "国家有关政策，现将有关事项通知如下，请于3月15日前提交材料。";

    @Test
    @DisplayName("^(([^Z])\\2?|[^Z])+Z on a notice without Z (2^n steps: a back reference turns Java's memo off) is "
            + "stopped after its budget and reported with the pattern")
    void catastrophicPatternIsStopped() throws Exception {
        TagRules rules = TagRules.parse("tags.yaml", """
                rules:
                  - tag: 灾难
                    regex: "^(([^Z])\\\\2?|[^Z])+Z"
                    in: [body]
                """);
        NoticeText text = NoticeText.builder().with(TagField.BODY, BODY).build();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuBefore = cpu.getCurrentThreadCpuTime();
        long before = System.nanoTime();

        assertThatThrownBy(() -> rules.tagsFor(text)).isInstanceOf(RegexTimeoutException.class)
                .hasMessageContaining("the regex \"^(([^Z])\\2?|[^Z])+Z\" took longer than 200 ms");

        Duration took = Duration.ofNanos(System.nanoTime() - before);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(cpu.getCurrentThreadCpuTime() - cpuBefore)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("an ordinary regex still tags within its budget")
    void ordinaryPatternMatches() throws Exception {
        TagRules rules = TagRules.parse("tags.yaml", """
                rules:
                  - tag: 截止
                    regex: "\\\\d+月\\\\d+日前"
                    in: [body]
                """);

        assertThat(rules.tagsFor(NoticeText.builder().with(TagField.BODY, BODY).build())).containsExactly("截止");
    }
}
