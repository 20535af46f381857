package com.bulletiningest.extract;

import java.io.IOException;
import java.util.List;

import com.bulletiningest.extract.Rulings.Rule;
import com.bulletiningest.fixtures.ExpectedSplit;
import com.bulletiningest.fixtures.ProducerFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of notices whose cells touch, wrap and are centred vertically: only its ruling lines tell its rows and
 * columns, drawn as Writer draws them (stroked lines) or as Chromium does (hairline rectangles filled).
 */
@DisplayName("Tables read by their ruling lines")
class RuledTableTest {

    private static final float TOP = PDRectangle.A4.getHeight();
    private static final float[] COLUMNS = {50, 75, 215, 275, 340};
    /** Row edges, top down. */
    private static final float[] ROWS = {100, 116, 150, 170};
    private static final float SIZE = 10;
    /** The cells the page shows, row by row (see {@link #tableRows}). */
    private static final List<List<String>> CELLS = List.of(
            List.of("序号", "文件名称", "发布单位", "发布日期"),
            List.of("1", "关于做好二〇二一年天津科技年鉴编纂工作的通知", "天津市工业和信息化局", "2021-03-08"),
            List.of("2", "关于征集年度重点决策咨询课题", "天津市科协", "2021-03-11"));

    private enum Rules { STROKED, FILLED, FRAMED, NONE }

    @Test
    void chromiumsTableOfWrappedCentredCellsIsReadRowByRow() throws Exception {
        String fixture = "seed-000.chromium-ruled-table";
        List<TextLine> rows = new PdfExtractor().extract(ProducerFixtures.resource(fixture + ".pdf")).lines().stream()
                .filter(TextLine::isTableRow).toList();
        List<JsonNode> listed = ExpectedSplit.parse(ProducerFixtures.resource(fixture + ".expected.json")).notices()
                .stream().filter(n -> n.has("issuer") && n.get("page").asInt() == rows.get(1).page()).toList();

        assertThat(rows).hasSize(listed.size() + 1);
        assertThat(rows.get(0).cells()).containsExactly("序号", "文件名称", "发布单位", "发布日期");
        for (int k = 0; k < listed.size(); k++) {
            JsonNode notice = listed.get(k);
            List<String> cells = rows.get(k + 1).cells();
            // titles as the corpus spells them, blanks aside
            assertThat(List.of(cells.get(0), cells.get(1).replace(" ", ""), cells.get(2), cells.get(3))).containsExactly(
                    notice.get("no").asText(), notice.get("title").asText().replace(" ", ""), notice.get("issuer").asText(),
                    notice.get("date").asText());
        }
    }

    @Test
    void strokedRulesPartRowsAndColumns() throws Exception {
        assertThat(tableRows(Rules.STROKED)).extracting(TextLine::cells).isEqualTo(CELLS);
    }

    @Test
    void filledHairlinesDoTooAndAnUnderlineInACellPartsNothing() throws Exception {
        assertThat(tableRows(Rules.FILLED)).extracting(TextLine::cells).isEqualTo(CELLS);
    }

    @Test
    void cellFramesDrawnInAMovedCoordinateSystemAfterACurveDoToo() throws Exception {
        assertThat(tableRows(Rules.FRAMED)).extracting(TextLine::cells).isEqualTo(CELLS);
    }

    @Test
    void withoutItsRulesTheSameTableIsNoTable() throws Exception {
        assertThat(tableRows(Rules.NONE)).isEmpty();
    }

    @Test
    void rulesThatMeetNoOthersDrawNoTable() {
        List<Rule> frameAndUnderline = List.of(new Rule(true, 100, 50, 340), new Rule(true, 200, 50, 340),
                new Rule(false, 50, 100, 200), new Rule(false, 340, 100, 200), new Rule(false, 120, 300, 400),
                new Rule(true, 150, 60, 200), new Rule(true, 400, 20, 500));

        assertThat(RuledTable.find(frameAndUnderline)).isEmpty();
    }

    /** The table rows extraction reads from the page drawn with the given rules. */
    private static List<TextLine> tableRows(Rules rules) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDFont font = TestPdfs.notoSans(document);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                show(content, font, 56, 111, "序号");
                show(content, font, 120, 111, "文件名称");
                show(content, font, 225, 111, "发布单位");
                show(content, font, 285, 111, "发布日期");
                // row 1: title and issuer wrap over two lines, number and date centred between them; cells touch
                show(content, font, 60, 137, "1");
                show(content, font, 75.5f, 130, "关于做好二〇二一年天津科技年");
                show(content, font, 75.5f, 144, "鉴编纂工作的通知");
                show(content, font, 215.5f, 130, "天津市工业和");
                show(content, font, 215.5f, 144, "信息化局");
                show(content, font, 276, 137, "2021-03-08");
                show(content, font, 60, 164, "2");
                show(content, font, 75.5f, 164, "关于征集年度重点决策咨询课题");
                show(content, font, 215.5f, 156, "天津市科协");
                show(content, font, 276, 164, "2021-03-11");
                draw(content, rules);
            }
            return new PdfExtractor().extract(TestPdfs.bytes(document)).lines().stream()
                    .filter(TextLine::isTableRow).toList();
        }
    }

    private static void draw(PDPageContentStream content, Rules rules) throws IOException {
        if (rules == Rules.NONE) {
            return;
        }
        float left = COLUMNS[0];
        float right = COLUMNS[COLUMNS.length - 1];
        float top = ROWS[0];
        float bottom = ROWS[ROWS.length - 1];
        if (rules == Rules.STROKED) {
            content.setLineWidth(0.5f);
            for (float y : ROWS) {
                content.moveTo(left, TOP - y);
                content.lineTo(right, TOP - y);
            }
            for (float x : COLUMNS) {
                content.moveTo(x, TOP - top);
                content.lineTo(x, TOP - bottom);
            }
            content.stroke();
        } else if (rules == Rules.FRAMED) {
            // each cell a rectangle, closed and stroked, in coordinates moved 20 pt left and 30 pt up; first a curve
            // across the middle of row 1, which a straight rule there would cut in two
            content.saveGraphicsState();
            content.transform(Matrix.getTranslateInstance(-20, 30));
            float middle = TOP - 30 - (ROWS[1] + ROWS[2]) / 2;
            content.moveTo(left + 20, middle);
            content.curveTo(left + 60, middle + 10, right - 20, middle + 10, right + 20, middle);
            for (int r = 0; r + 1 < ROWS.length; r++) {
                for (int c = 0; c + 1 < COLUMNS.length; c++) {
                    content.addRect(COLUMNS[c] + 20, TOP - 30 - ROWS[r + 1], COLUMNS[c + 1] - COLUMNS[c], ROWS[r + 1] - ROWS[r]);
                }
            }
            content.closeAndStroke();
            content.restoreGraphicsState();
        } else {
            // cell by cell, each border a hairline rectangle, and a link's underline under row 2's title
            for (int r = 0; r + 1 < ROWS.length; r++) {
                for (int c = 0; c + 1 < COLUMNS.length; c++) {
                    content.addRect(COLUMNS[c], TOP - ROWS[r] - 0.25f, COLUMNS[c + 1] - COLUMNS[c], 0.5f);
                    content.addRect(COLUMNS[c] - 0.25f, TOP - ROWS[r + 1], 0.5f, ROWS[r + 1] - ROWS[r]);
                }
                content.addRect(right - 0.25f, TOP - ROWS[r + 1], 0.5f, ROWS[r + 1] - ROWS[r]);
            }
            content.addRect(left, TOP - bottom - 0.25f, right - left, 0.5f);
            content.addRect(75.5f, TOP - 166f, 130, 0.6f);
            content.fill();
        }
    }

    private static void show(PDPageContentStream content, PDFont font, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, SIZE);
        content.newLineAtOffset(x, TOP - y);
        content.showText(text);
        content.endText();
    }
}
