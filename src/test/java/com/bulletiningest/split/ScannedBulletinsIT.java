package com.bulletiningest.split;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.bulletiningest.extract.ExtractedPdf;
import com.bulletiningest.extract.OcrSettings;
import com.bulletiningest.extract.PageOcr;
import com.bulletiningest.extract.PdfExtractor;
import com.bulletiningest.extract.ScannedPage;
import com.bulletiningest.extract.TextLine;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.ScannedCopies;
import com.bulletiningest.fixtures.SplitScore;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scanned copies of the corpus bulletins, made here from their PDFs (rendered, degraded, written as image-only pages),
 * split as well as the born-digital ones: notice F1 at least 0.95 against the expected split (titles at least 90 %
 * alike after NFKC), at least 90 % of the titles exact. Each copy is read by OCR once; its figures are printed.
 */
@DisplayName("Scanned bulletins split as well as born-digital ones")
class ScannedBulletinsIT {

    private static final PageOcr OCR = new PageOcr(OcrSettings.DEFAULTS);
    private static final PdfExtractor EXTRACTOR = new PdfExtractor(OCR);

    record Fixture(String name, String bulletin, int lastPage, UnaryOperator<ScannedCopies> scan) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fixture> fixtures() {
        return Stream.of(
                new Fixture("skewed 1.5°, 200 dpi, 25 pages", "seed-001", 25, s -> s.skewed(1.5)),
                new Fixture("blurred and noisy, 200 dpi", "seed-000", 8, s -> s.blurredWithNoise(18)),
                new Fixture("150 dpi with JPEG artefacts", "seed-001", 8, s -> ScannedCopies.at(150).jpeg(0.4f)),
                new Fixture("upside down", "seed-000", 6, ScannedCopies::turned),
                new Fixture("mixed: even pages scanned, odd pages born-digital", "seed-000", 31, s -> s.onlyPages(p -> p % 2 == 0)));
    }

    @AfterAll
    static void stopPool() {
        OCR.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void splitsLikeItsBornDigitalOriginal(Fixture fixture) throws Exception {
        CorpusBulletin corpus = CorpusBulletin.load(fixture.bulletin());
        byte[] scan = fixture.scan().apply(ScannedCopies.at(200)).of(corpus.pdf(), 1, fixture.lastPage());
        long start = System.nanoTime();
        ExtractedPdf read = EXTRACTOR.extract(scan);
        double seconds = (System.nanoTime() - start) / 1e9;
        ExtractedPdf original = EXTRACTOR.extract(corpus.pdf());

        JsonNode actual = BulletinJson.tree(fixture.bulletin() + ".pdf", new BulletinSplitter(Categories::defaults).split(read));
        SplitScore score = SplitScore.of(corpus.expected().json(), actual, fixture.lastPage());
        double accuracy = characterAccuracy(original, read);
        System.out.printf("%s: %s, character accuracy %.2f %% on %d OCR page(s), %.1f s a page%n", fixture, score,
                100 * accuracy, read.scanned().size(), seconds / Math.max(1, read.scanned().size()));
        score.misses().forEach(m -> System.out.println("  " + m));

        assertThat(read.scanned()).isNotEmpty();
        assertThat(score.f1()).as("notice F1: %s", score.misses()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.exactShare()).as("exact titles: %s", score.misses()).isGreaterThanOrEqualTo(0.9);
    }

    /** 1 − character errors over the scanned pages, against the original's text layer (NFKC, blanks left out). */
    private static double characterAccuracy(ExtractedPdf original, ExtractedPdf read) {
        long errors = 0, chars = 0;
        for (ScannedPage page : read.scanned()) {
            String expected = SplitScore.fold(text(original, page.page()));
            String actual = SplitScore.fold(text(read, page.page()));
            errors += Math.round((1 - SplitScore.likeness(expected, actual)) * Math.max(expected.length(), actual.length()));
            chars += expected.length();
        }
        return chars == 0 ? 1 : 1 - (double) errors / chars;
    }

    private static String text(ExtractedPdf pdf, int page) {
        List<String> lines = pdf.lines().stream().filter(l -> l.page() == page).map(TextLine::text).toList();
        return String.join("", lines);
    }
}
