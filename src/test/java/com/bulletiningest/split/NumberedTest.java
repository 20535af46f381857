package com.bulletiningest.split;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Numbered lines")
class NumberedTest {

    @Test
    void theThreeListMarks() {
        assertThat(Numbered.parse("1、国家药监局药审中心关于发布")).isEqualTo(new Numbered(1, '、', "国家药监局药审中心关于发布"));
        assertThat(Numbered.parse("12. 两部门联合印发")).isEqualTo(new Numbered(12, '.', "两部门联合印发"));
        assertThat(Numbered.parse("7．  关于开展 2021 年")).isEqualTo(new Numbered(7, '．', "关于开展 2021 年"));
        assertThat(Numbered.parse("３、全角数字")).isEqualTo(new Numbered(3, '、', "全角数字"));
    }

    @Test
    void aFullWidthDotMayBeFollowedByAYearButAnAsciiDotIsThenADecimal() {
        assertThat(Numbered.parse("1．2021年度工作要点")).extracting(Numbered::no).isEqualTo(1);
        assertThat(Numbered.parse("4.26 知识产权宣传周")).isNull();
        assertThat(Numbered.parse("2021 年 3 月 3 日")).isNull();
        assertThat(Numbered.parse("1-1．天津市第一批")).isNull();
    }

    @Test
    void theOtherSchemesEachReadTheirOwnMarksOnly() {
        assertThat(Numbered.parse("⑫关于开展申报工作的通知", Numbered.Scheme.CIRCLED)).isEqualTo(new Numbered(12, '①', "关于开展申报工作的通知"));
        assertThat(Numbered.parse("（3）报送要求", Numbered.Scheme.PARENTHESISED)).isEqualTo(new Numbered(3, '（', "报送要求"));
        assertThat(Numbered.parse("2) 联系方式", Numbered.Scheme.CLOSING_PARENTHESIS)).isEqualTo(new Numbered(2, ')', "联系方式"));
        assertThat(Numbered.parse("十二、关于印发目录的通知", Numbered.Scheme.CHINESE)).extracting(Numbered::no).isEqualTo(12);
        assertThat(Numbered.parse("二十、工作要求", Numbered.Scheme.CHINESE)).extracting(Numbered::no).isEqualTo(20);
        assertThat(Numbered.parse("①关于开展申报工作的通知")).isNull();
        assertThat(Numbered.parse("（3）报送要求", Numbered.Scheme.CLOSING_PARENTHESIS)).isNull();
        assertThat(Numbered.parse("十十、工作要求", Numbered.Scheme.CHINESE)).isNull();
    }
}
