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
 * The layout fixture with a watermark, two columns and a table group, as extraction reads it (each test first checks
 * that the PDF really has the feature, with PDFBox's plain text stripper).
 */
@DisplayName("Watermarks, columns and tables as extraction reads them")
class LayoutExtractionTest {

    private static final String FIXTURE = "seed-000.chromium-watermark-columns-table.pdf";

    private static List<TextLine> lines() throws Exception {
        return new PdfExtractor().extract(ProducerFixtures.resource(FIXTURE)).lines();
    }

    private static String plainText() throws IOException {
        try (PDDocument document = Loader.loadPDF(ProducerFixtures.resource(FIXTURE))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    @Test
    void theWatermarkIsLeftOutOfEveryLine() throws Exception {
        assertThat(plainText()).as("the watermark is printed").contains("内", "部", "资", "料");

        assertThat(lines()).extracting(TextLine::text).noneMatch(t -> t.contains("内部资料") || t.contains("注意保存"))
                .anyMatch(t -> t.equals("医药信息篇（2021/3/8~2021/3/12）"));
    }

    @Test
    void twoColumnsAreReadOneAfterTheOtherAndKnowTheirColumn() throws Exception {
        assertThat(plainText()).as("sorted by position, the columns interleave")
                .contains("1、国家药监局药审中心关于发布《境外已上市境内 4），其中");

        List<TextLine> page1 = lines().stream().filter(l -> l.page() == 1).toList();
        int leftEnd = indexOf(page1, "质量。");
        int rightStart = indexOf(page1, "二、起草单位、复核单位和牵头单位按照经费性质分");
        assertThat(rightStart).as("the right column follows the left one").isEqualTo(leftEnd + 1);
        assertThat(page1.get(rightStart).columnX()).isEqualTo(page1.get(leftEnd).columnX());
        assertThat(page1.get(rightStart).columnOffset()).isGreaterThan(200);
    }

    @Test
    void aTableIsReadRowByRowCellByCell() throws Exception {
        List<TextLine> rows = lines().stream().filter(TextLine::isTableRow).toList();

        assertThat(rows).hasSize(9);
        assertThat(rows.get(0).cells()).containsExactly("序号", "文件名称", "发布单位", "发布日期");
        assertThat(rows.get(1).cells()).containsExactly("1",
                "市工业和信息化局市财政局关于印发天津市第一批重点专精特新“小巨人”企业和中小企业公共服务示范平台申报指南的通知",
                "天津市工业和信息化局、天津市财政局", "2020-03-02");
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
