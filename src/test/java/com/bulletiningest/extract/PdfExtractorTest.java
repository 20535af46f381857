package com.bulletiningest.extract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.bulletiningest.extract.UnreadableBulletinException.Reason;
import com.bulletiningest.fixtures.CorpusBulletin;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("PDF extraction")
class PdfExtractorTest {

    private final PdfExtractor extractor = new PdfExtractor();

    @Test
    void readsLinesWithPageIndentationAndTextInReadingOrder() throws Exception {
        ExtractedPdf pdf = extractor.extract(CorpusBulletin.resource("seed-000.pdf"));
        assertThat(pdf.pages()).isEqualTo(31);
        TextLine first = pdf.lines().get(0);
        assertThat(first.text()).isEqualTo("医药信息篇（2021/3/8~2021/3/12）");
        assertThat(first.page()).isEqualTo(1);
        TextLine indented = pdf.lines().stream().filter(l -> l.text().startsWith("联系人及电话")).findFirst().orElseThrow();
        assertThat(indented.x()).isGreaterThan(first.x() + 10);
        assertThat(pdf.lines()).isSortedAccordingTo((a, b) -> a.page() != b.page() ? Integer.compare(a.page(), b.page()) : Float.compare(a.y(), b.y()));
        assertThat(pdf.text()).startsWith("医药信息篇（2021/3/8~2021/3/12）\n国家级\n1、国家药监局");
    }

    @Test
    void linkRectanglesCoverTheLinesTheyWereDrawnOver() throws Exception {
        ExtractedPdf pdf = extractor.extract(CorpusBulletin.resource("seed-000.pdf"));
        List<LinkAnnotation> pageOne = pdf.links().stream().filter(l -> l.page() == 1).toList();
        assertThat(pageOne).hasSize(3);
        assertThat(coveredText(pdf, pageOne.get(0))).startsWith("1、国家药监局药审中心");
        assertThat(coveredText(pdf, pageOne.get(1))).isEqualTo("021 年第 21 号）");
        assertThat(coveredText(pdf, pageOne.get(2))).isEqualTo("2、关于做好 2021 年度国家药品标准提高工作的通知");
        assertThat(pageOne.get(2).uri()).isEqualTo("https://www.chp.org.cn/gjydw/tz/15860.jhtml");
    }

    private static String coveredText(ExtractedPdf pdf, LinkAnnotation link) {
        List<String> covered = pdf.lines().stream().filter(link::covers).map(TextLine::text).toList();
        assertThat(covered).as("lines under " + link).hasSize(1);
        return covered.get(0);
    }

    @Test
    void radicalLookAlikesFromAnEmbeddedCjkFontAreNormalised() throws Exception {
        try (PDDocument document = TestPdfs.text(true, "第一批（见附件）", "长期青年")) {
            ExtractedPdf pdf = extractor.extract(TestPdfs.bytes(document));
            assertThat(pdf.text()).isEqualTo("第一批（见附件）\n长期青年");
            assertThat(pdf.text().chars()).noneMatch(c -> c >= 0x2E80 && c <= 0x2FDF);
        }
    }

    @Test
    void corpusTextHasNoRadicalLookAlikes() throws Exception {
        assertThat(extractor.extract(CorpusBulletin.resource("seed-001.pdf")).text().chars()).noneMatch(c -> c >= 0x2E80 && c <= 0x2FDF);
    }

    @Test
    void bytesThatAreNoPdfAreRefused() {
        assertReason("Subject: weekly bulletin\n\nsee attachment".getBytes(StandardCharsets.UTF_8), Reason.NOT_PDF);
        assertReason(new byte[0], Reason.NOT_PDF);
    }

    @Test
    void truncatedPdfIsDamaged() throws Exception {
        byte[] whole = CorpusBulletin.resource("seed-000.pdf");
        assertReason(Arrays.copyOf(whole, whole.length / 2), Reason.DAMAGED);
    }

    @Test
    void pdfWithGarbageBodyIsDamaged() {
        assertReason("%PDF-1.7\nthis is not a PDF body\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), Reason.DAMAGED);
    }

    @Test
    void pdfNeedingAUserPasswordIsEncrypted() throws Exception {
        assertReason(TestPdfs.encrypted("owner-secret", "user-secret"), Reason.ENCRYPTED);
    }

    @Test
    void pdfWithOnlyAnOwnerPasswordIsReadLikeAnyOther() throws Exception {
        ExtractedPdf pdf = extractor.extract(TestPdfs.encrypted("owner-secret", ""));
        assertThat(pdf.text()).isEqualTo("Weekly bulletin");
    }

    @Test
    void imageOnlyPdfHasNoTextWhenOcrIsOff() throws Exception {
        assertReason(new PdfExtractor(new PageOcr(OcrSettings.OFF)), TestPdfs.imageOnly(), Reason.NO_TEXT);
    }

    private void assertReason(byte[] pdf, Reason reason) {
        assertReason(extractor, pdf, reason);
    }

    private static void assertReason(PdfExtractor extractor, byte[] pdf, Reason reason) {
        assertThatThrownBy(() -> extractor.extract(pdf))
                .isInstanceOfSatisfying(UnreadableBulletinException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                });
    }
}
