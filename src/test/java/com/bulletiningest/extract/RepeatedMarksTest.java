package com.bulletiningest.extract;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Upright, opaque watermarks are told from the text by repeating at one place on every page. */
@DisplayName("Watermarks found by repetition")
class RepeatedMarksTest {

    private static final float BODY = 12;

    @Test
    void aLargeMarkAtTheSamePlaceOnEveryPageIsLeftOutButTheRunningHeaderStays() throws Exception {
        List<TextLine> lines = extract(3, 48, 0f, true);

        assertThat(lines).extracting(TextLine::text)
                .noneMatch(t -> t.contains("内") || t.contains("资料"))
                .contains("第1页正文第三行", "第2页正文第三行", "第3页正文第三行")
                .filteredOn("政策周报"::equals).hasSize(3);
    }

    @Test
    void aLightMarkOfBodySizeIsLeftOutToo() throws Exception {
        assertThat(extract(2, BODY, 0.9f, true)).extracting(TextLine::text)
                .noneMatch(t -> t.contains("内") || t.contains("资料"))
                .contains("第2页正文第三行");
    }

    @Test
    void aDarkMarkOfBodySizeIsText() throws Exception {
        assertThat(extract(2, BODY, 0f, true)).extracting(TextLine::text).anyMatch(t -> t.contains("内部资料"));
    }

    @Test
    void aMarkOnOnePageOnlyIsText() throws Exception {
        assertThat(extract(2, 48, 0f, false)).extracting(TextLine::text).anyMatch(t -> t.contains("内部资料"));
    }

    /**
     * Pages with a 9 pt running header and body lines, and 内部资料 set upright and opaque in the given size and grey
     * (0 black) across the third body line: on every page, or on the first only.
     */
    private static List<TextLine> extract(int pages, float markSize, float grey, boolean onEveryPage) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDFont font = TestPdfs.notoSans(document);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    show(content, font, 9, 0, 50, 810, "政策周报");
                    for (int i = 0; i < 6; i++) {
                        show(content, font, BODY, 0, 50, 760 - 18 * i, "第" + p + "页正文第" + "一二三四五六".charAt(i) + "行");
                    }
                    if (onEveryPage || p == 1) {
                        show(content, font, markSize, grey, 250, 760 - 18 * 2, "内部资料");
                    }
                }
            }
            return new PdfExtractor().extract(TestPdfs.bytes(document)).lines();
        }
    }

    private static void show(PDPageContentStream content, PDFont font, float size, float grey, float x, float y, String text)
            throws IOException {
        content.setNonStrokingColor(grey);
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
