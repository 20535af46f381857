package com.bulletiningest.split;

import java.io.IOException;
import java.util.List;

import com.bulletiningest.extract.PdfExtractor;
import com.bulletiningest.extract.TextLine;
import com.bulletiningest.fixtures.ProducerFixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages in three columns, and pages where one column, two and three follow one another, as extraction reads them.
 * These fixtures split exactly like all the others ({@link ProducerSplitTest}).
 */
@DisplayName("Three columns and pages mixing one, two and three")
class ColumnLayoutsTest {

    @Test
    void threeColumnsAreReadOneAfterTheOther() throws Exception {
        String fixture = "seed-000.chromium-three-columns.pdf";
        assertThat(plainText(fixture, 2)).as("sorted by position, the columns interleave")
                .contains("量”调整为“每万人口高价值专利拥 品附加值作为促进农民增收、兴农富 强与司法部门的协调联动，及时沟通");

        List<TextLine> page = lines(fixture, 2);
        int second = indexOf(page, "品附加值作为促进农民增收、兴农富");
        int third = indexOf(page, "强与司法部门的协调联动，及时沟通");
        assertThat(page.subList(0, second)).extracting(TextLine::columnOffset).containsOnly(0f);
        assertThat(page.subList(second, third)).extracting(TextLine::columnOffset).allMatch(offset -> offset > 150 && offset < 200);
        assertThat(page.subList(third, page.size())).extracting(TextLine::columnOffset).allMatch(offset -> offset > 300);
        assertThat(page.get(second - 1).text()).as("the first column ends the page before the second begins")
                .isEqualTo("推进农产品品牌化发展，以提升农产");
    }

    @Test
    void aPageGoesFromOneColumnToAHeadingOverTwo() throws Exception {
        List<TextLine> page = lines("seed-000.chromium-mixed-columns.pdf", 1);
        int heading = indexOf(page, "知识产权信息篇（2021/03/06~2021/03/12）");

        assertThat(page.get(heading - 1).text()).isEqualTo("公示期限：2021 年 3 月 12 日～2021 年 3 月 25 日（10 个工作日）。");
        assertThat(page.subList(heading + 1, page.size())).extracting(TextLine::text).containsExactly(
                "地方级", "1、关于印发《天津市知识产权局 2021 年工作要点》", "的通知", "天津市知识产权局 2021年工作要点");
        assertThat(page.get(heading + 2).columnOffset()).as("the title stands in the right column").isGreaterThan(200);
    }

    @Test
    void aJustifiedLineWhoseBlankLeavesAGapStaysInItsColumn() throws Exception {
        // 咨询电话： 第一讲：022- spreads its blank over a gap as wide as a glyph; the third column's line stands beside it
        List<TextLine> page = lines("seed-000.chromium-three-columns.pdf", 4);
        TextLine spread = page.stream().filter(l -> l.text().startsWith("咨 询 电 话 ：")).findFirst().orElseThrow();
        TextLine beside = page.stream().filter(l -> l.text().startsWith("人 高 价 值")).findFirst().orElseThrow();

        assertThat(spread.text()).endsWith("022-");
        assertThat(spread.columnOffset()).isZero();
        assertThat(beside.columnOffset()).isGreaterThan(300);
        assertThat(page.indexOf(beside)).as("read with the third column, after the second")
                .isGreaterThan(indexOf(page, "续还会有更大力度的打击措施。"));
    }

    @Test
    void eachLineCarriesTheWidthOfTheColumnItWasReadIn() throws Exception {
        List<TextLine> lines = new PdfExtractor(null).extract(ProducerFixtures.resource("seed-000.chromium-mixed-columns.pdf")).lines();

        assertThat(line(lines, "公示期限：").columnWidth()).as("across the page").isZero();
        assertThat(line(lines, "1、关于印发《天津市知识产权局").columnWidth()).as("two columns").isBetween(225f, 240f);
        assertThat(line(lines, "1、市工业和信息化局市财政局关").columnWidth()).as("three columns").isBetween(148f, 158f);
    }

    @Test
    void columnsGoOnAtTheTopOfTheNextPageWhereItsFewRowsShowOnlySomeOfThem() throws Exception {
        // two lines of the first two columns, and in the third the sign-off set right: too few rows start at it
        List<TextLine> page = lines("seed-000.chromium-mixed-columns-large.pdf", 8);

        assertThat(line(page, "如何避免自己撰写的申请被认").text()).isEqualTo("如何避免自己撰写的申请被认");
        assertThat(line(page, "盈科瑞﹒知识产权部").columnOffset()).isGreaterThan(300);
        assertThat(page.indexOf(line(page, "盈科瑞﹒知识产权部"))).isGreaterThan(page.indexOf(line(page, "发布时间：")));
    }

    private static TextLine line(List<TextLine> lines, String start) {
        return lines.stream().filter(l -> l.text().startsWith(start)).findFirst().orElseThrow();
    }

    private static List<TextLine> lines(String fixture, int page) throws Exception {
        return new PdfExtractor(null).extract(ProducerFixtures.resource(fixture)).lines().stream()
                .filter(l -> l.page() == page).toList();
    }

    private static String plainText(String fixture, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(ProducerFixtures.resource(fixture))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document);
        }
    }

    private static int indexOf(List<TextLine> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).text().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no line " + text);
    }
}
