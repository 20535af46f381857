package com.bulletiningest.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.ScannedCopies;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The scan check sends a bulletin with a page-sized image to the scan lane, without reading any text")
class ScanCheckTest {

    private static final PageOcr OCR = new PageOcr(OcrSettings.DEFAULTS);
    private static final PdfExtractor EXTRACTOR = new PdfExtractor(OCR);

    @AfterAll
    static void stopPool() {
        OCR.close();
    }

    @Test
    void aScannedCopyLooksScanned() throws Exception {
        byte[] scan = ScannedCopies.at(200).of(CorpusBulletin.load("seed-001").pdf(), 1, 1);

        assertThat(EXTRACTOR.looksScanned(scan)).isTrue();
    }

    @Test
    void aBornDigitalBulletinWithoutImagesDoesNot() throws Exception {
        byte[] pdf = CorpusBulletin.load("seed-000").pdf();

        assertThat(pdf).asString(StandardCharsets.ISO_8859_1).doesNotContain("/Image");
        assertThat(EXTRACTOR.looksScanned(pdf)).isFalse();
    }

    @Test
    void aSmallImageSuchAsALogoDoesNot() throws Exception {
        byte[] pdf = pageWithImage(120, 40);

        assertThat(pdf).asString(StandardCharsets.ISO_8859_1).contains("/Image");
        assertThat(EXTRACTOR.looksScanned(pdf)).isFalse();
        assertThat(EXTRACTOR.looksScanned(pageWithImage(1700, 2400))).isTrue();
    }

    @Test
    void nothingLooksScannedWithOcrOff() throws Exception {
        byte[] scan = pageWithImage(1700, 2400);

        assertThat(new PdfExtractor(new PageOcr(OcrSettings.OFF)).looksScanned(scan)).isFalse();
    }

    @Test
    void whatIsNoPdfIsLeftToExtractionToRefuse() {
        assertThat(EXTRACTOR.looksScanned("%PDF-1.7 /Image and nothing else".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(EXTRACTOR.looksScanned(null)).isFalse();
    }

    /** An A4 page showing one grey image of the given size in pixels, drawn over the whole page width. */
    private static byte[] pageWithImage(int width, int height) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            var image = LosslessFactory.createFromImage(document, new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getWidth() * height / width);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
