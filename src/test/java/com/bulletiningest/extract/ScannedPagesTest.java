package com.bulletiningest.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

import com.bulletiningest.extract.UnreadableBulletinException.Reason;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.ScannedCopies;
import com.bulletiningest.fixtures.SplitScore;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Scanned pages are read by OCR; what OCR cannot read is refused with the page in the reason")
class ScannedPagesTest {

    private static final PageOcr OCR = new PageOcr(OcrSettings.DEFAULTS);
    private static final PdfExtractor EXTRACTOR = new PdfExtractor(OCR);
    private static byte[] corpus;
    private static ExtractedPdf bornDigital;
    /** Page 1 born-digital, page 2 scanned at 200 dpi. */
    private static ExtractedPdf mixed;

    @BeforeAll
    static void readMixedCopy() throws Exception {
        corpus = CorpusBulletin.load("seed-000").pdf();
        bornDigital = EXTRACTOR.extract(ScannedCopies.at(200).onlyPages(p -> false).of(corpus, 1, 2));
        mixed = EXTRACTOR.extract(ScannedCopies.at(200).onlyPages(p -> p == 2).of(corpus, 1, 2));
    }

    @AfterAll
    static void stopPool() {
        OCR.close();
    }

    @Test
    void aMixedBulletinReadsEachPageItsOwnWay() {
        assertThat(mixed.scanned()).extracting(ScannedPage::page).containsExactly(2);
        assertThat(mixed.scanned(2).why()).isEqualTo("no text layer");
        assertThat(mixed.scanned(2).confidence()).isGreaterThan(0.9f);
        assertThat(lines(mixed, 1)).isEqualTo(lines(bornDigital, 1));
    }

    @Test
    void aScannedPageReadsAlmostAsItsTextLayerDoes() {
        String expected = SplitScore.fold(String.join("", lines(bornDigital, 2)));
        String read = SplitScore.fold(String.join("", lines(mixed, 2)));
        assertThat(SplitScore.likeness(expected, read)).as("character accuracy of\n%s", read).isGreaterThan(0.97);
        // blanks between Chinese and digits are the typesetter's choice, which a scan does not keep
        assertThat(lines(mixed, 2)).map(SplitScore::fold).contains("知识产权信息篇(2021/03/06~2021/03/12)", "地方级",
                "3、国家药监局药审中心关于发布《中药变更受理审查指南(试行)》的通告(2021年第24号)");
    }

    @Test
    void scannedLinesLieWhereTheTextLayerPutsThem() {
        List<TextLine> read = mixed.lines().stream().filter(l -> l.page() == 2).toList();
        List<TextLine> printed = bornDigital.lines().stream().filter(l -> l.page() == 2).toList();
        assertThat(read).hasSameSizeAs(printed);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).x()).as("left of " + read.get(i).text()).isCloseTo(printed.get(i).x(), org.assertj.core.data.Offset.offset(3f));
            assertThat(read.get(i).y()).as("baseline of " + read.get(i).text()).isCloseTo(printed.get(i).y(), org.assertj.core.data.Offset.offset(3f));
            assertThat(read.get(i).bold()).isFalse();
        }
    }

    @Test
    void aPageWhereOcrFindsNoTextIsNamedInTheReason() throws Exception {
        byte[] blank = TestPdfs.blankScan(new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY), 2);
        assertThatThrownBy(() -> EXTRACTOR.extract(blank)).isInstanceOfSatisfying(UnreadableBulletinException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.NO_TEXT);
            assertThat(e.getMessage()).isEqualTo("no text: the PDF has no text layer and OCR found no text on page(s) 1–2 (blank or unreadable scan)");
        });
    }

    @Test
    void withOcrOffAScanIsRefusedAsBefore() {
        byte[] scan = ScannedCopies.at(100).of(corpus, 1, 1);
        assertThatThrownBy(() -> new PdfExtractor(new PageOcr(OcrSettings.OFF)).extract(scan))
                .isInstanceOfSatisfying(UnreadableBulletinException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_TEXT);
                    assertThat(e.getMessage()).isEqualTo("no text layer: the PDF has 1 page(s) but no extractable text (scanned or image-only)");
                });
    }

    @Test
    void aPageImageOfAbsurdSizeIsRefusedUnread() throws Exception {
        byte[] bomb;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            ByteArrayOutputStream zeros = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(zeros)) {
                deflate.write(new byte[1 << 20]); // 1 MB of paper: the other 3.6 GB the image claims never come
            }
            PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(zeros.toByteArray()),
                    COSName.FLATE_DECODE, 60_000, 60_000, 8, PDDeviceGray.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, 595, 842);
            }
            bomb = TestPdfs.bytes(document);
        }
        assertThatThrownBy(() -> EXTRACTOR.extract(bomb)).isInstanceOfSatisfying(UnreadableBulletinException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
            assertThat(e.getMessage()).isEqualTo("page 1 not read: its image of 60000 × 60000 pixels is larger than any scan (limit 100 million pixels)");
        });
    }

    @Test
    void aPageTakingLongerThanTheTimeLimitIsRefused() {
        byte[] scan = ScannedCopies.at(200).of(corpus, 1, 1);
        try (PageOcr hasty = new PageOcr(new OcrSettings(true, 1, 200, Duration.ofMillis(1)))) {
            assertThatThrownBy(() -> new PdfExtractor(hasty).extract(scan)).isInstanceOfSatisfying(UnreadableBulletinException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
                assertThat(e.getMessage()).isEqualTo("page 1 not read: OCR took longer than the page time limit of 1 ms");
            });
            assertThat(hasty.progress().now()).as("a refused scan is no longer listed as being read").isEmpty();
        }
    }

    @Test
    void aBornDigitalBulletinIsNotHeldUpByAScanBeingRead() throws Exception {
        byte[] scan = ScannedCopies.at(200).of(corpus, 1, 3);
        byte[] bornDigitalPdf = CorpusBulletin.load("seed-001").pdf();
        java.util.concurrent.CompletableFuture<ExtractedPdf> scanning = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return EXTRACTOR.extract(scan);
            } catch (UnreadableBulletinException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500); // the scan's first page is being read
        ExtractedPdf read = EXTRACTOR.extract(bornDigitalPdf);
        assertThat(scanning).as("the scan, still being read when the born-digital bulletin is done").isNotDone();
        assertThat(OCR.progress().now()).as("only the scan is listed as being read").singleElement()
                .satisfies(reading -> assertThat(reading.pages()).isEqualTo(3));
        assertThat(read.scanned()).isEmpty();
        assertThat(read.pages()).isEqualTo(25);
        assertThat(scanning.get().scanned()).hasSize(3);
        assertThat(OCR.progress().now()).isEmpty();
    }

    private static List<String> lines(ExtractedPdf pdf, int page) {
        return pdf.lines().stream().filter(l -> l.page() == page).map(TextLine::text).toList();
    }
}
