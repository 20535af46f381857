package com.bulletiningest.extract;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.ScannedCopies;
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
        byte[] pdf = TestPdfs.imageOnly();

        assertThat(pdf).asString(StandardCharsets.ISO_8859_1).contains("/Image");
        assertThat(EXTRACTOR.looksScanned(pdf)).isFalse();
        assertThat(EXTRACTOR.looksScanned(pageSizedImage())).isTrue();
    }

    @Test
    void nothingLooksScannedWithOcrOff() throws Exception {
        assertThat(new PdfExtractor(new PageOcr(OcrSettings.OFF)).looksScanned(pageSizedImage())).isFalse();
    }

    @Test
    void whatIsNoPdfIsLeftToExtractionToRefuse() {
        assertThat(EXTRACTOR.looksScanned("%PDF-1.7 /Image and nothing else".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(EXTRACTOR.looksScanned(null)).isFalse();
    }

    /** One A4 page covered by an image of 200 dpi across. */
    private static byte[] pageSizedImage() throws Exception {
        return TestPdfs.blankScan(new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY), 1);
    }
}
