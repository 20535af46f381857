package com.bulletiningest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.bulletiningest.enrich.ChineseDates.Mention;

@DisplayName("Dates as bulletins print them")
class ChineseDatesTest {

    private static final LocalDate MARCH = LocalDate.of(2021, 3, 12);

    @Test
    void spacesInsideDatesAreTheNorm() {
        assertThat(ChineseDates.find("2021 年 3 月 8 日、2021年 3月 9日、2021年3月10日", MARCH))
                .extracting(Mention::date)
                .containsExactly(LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 9), LocalDate.of(2021, 3, 10));
    }

    @Test
    void aDateWithoutYearTakesTheYearOfTheDateBeforeIt() {
        assertThat(ChineseDates.find("申报时间为 2020年 12月 8日至 12月 19日", MARCH)).extracting(Mention::date)
                .containsExactly(LocalDate.of(2020, 12, 8), LocalDate.of(2020, 12, 19));
    }

    @Test
    void aDateWithoutYearInADecemberBulletinMayBeNextJanuary() {
        LocalDate december = LocalDate.of(2021, 12, 10);

        assertThat(ChineseDates.find("1 月 15 日前", december)).extracting(Mention::date).containsExactly(LocalDate.of(2022, 1, 15));
        assertThat(ChineseDates.find("10 月 20 日", MARCH)).extracting(Mention::date).containsExactly(LocalDate.of(2021, 10, 20));
    }

    @Test
    void isoDatesAndImpossibleDates() {
        assertThat(ChineseDates.find("（2021-3-3）；2 月 30 日；3/6/9/12 月", MARCH)).extracting(Mention::date)
                .containsExactly(LocalDate.of(2021, 3, 3));
    }

    @Test
    void aSignatureDateLineIsAWholeDate() {
        assertThat(ChineseDates.wholeDate(" 2021 年 2月 3日 ", MARCH)).isEqualTo(LocalDate.of(2021, 2, 3));
        assertThat(ChineseDates.wholeDate("发布时间：2021 年 01 月 31 日", MARCH)).isNull();
        assertThat(ChineseDates.wholeDate("3 月 9 日", MARCH)).isNull();
    }
}
