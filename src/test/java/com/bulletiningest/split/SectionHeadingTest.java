package com.bulletiningest.split;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Section headings and their periods")
class SectionHeadingTest {

    @Test
    void periodsAsPrinted() {
        assertThat(SectionHeading.parse("医药信息篇（2021/3/8~2021/3/12）"))
                .isEqualTo(new SectionHeading("医药信息篇", LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 12)));
        assertThat(SectionHeading.parse("科技项目篇（2021/3/8~3/12）").end()).isEqualTo(LocalDate.of(2021, 3, 12));
        assertThat(SectionHeading.parse("知识产权信息篇（2021/01/30~2021/02/5）").start()).isEqualTo(LocalDate.of(2021, 1, 30));
        assertThat(SectionHeading.parse("政策解读篇（2020/12/28~1/3）").end()).isEqualTo(LocalDate.of(2021, 1, 3));
    }

    @Test
    void otherWaysToPrintTheHeading() {
        assertThat(SectionHeading.parse("一、医药信息篇 (2021.3.8-2021.3.12)"))
                .isEqualTo(new SectionHeading("医药信息篇", LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 12)));
        assertThat(SectionHeading.parse("科技项目篇：2021年3月8日至3月12日"))
                .isEqualTo(new SectionHeading("科技项目篇", LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 12)));
    }

    @Test
    void notHeadings() {
        assertThat(SectionHeading.parse("医药信息篇")).isNull();
        assertThat(SectionHeading.parse("关于印发《天津市知识产权局 2021 年工作要点》的通知")).isNull();
        assertThat(SectionHeading.parse("医药信息篇（2021/2/30~2021/3/12）")).isNull();
    }
}
