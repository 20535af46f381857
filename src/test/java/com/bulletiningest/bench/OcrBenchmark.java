package com.bulletiningest.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.UnaryOperator;

import com.bulletiningest.extract.ExtractedPdf;
import com.bulletiningest.extract.OcrSettings;
import com.bulletiningest.extract.PageOcr;
import com.bulletiningest.extract.PdfExtractor;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.ScannedCopies;

/**
 * Prints how long OCR takes per page on scanned copies of a corpus bulletin (made as {@code ScannedBulletinsIT} makes
 * them), the first page's extra time for loading the models, and the peak heap while reading. Not a test: it prints
 * figures. Run in the benchmark profile's JVM ({@code -Xmx512m}):
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.main=com.bulletiningest.bench.OcrBenchmark}
 * (argument: {@code -Dbenchmark.args="<pages per copy>"}, default 8).
 */
public final class OcrBenchmark {

    private record Copy(String name, UnaryOperator<ScannedCopies> scan) {
    }

    private static final List<Copy> COPIES = List.of(
            new Copy("200 dpi", s -> s),
            new Copy("skewed 1.5°", s -> s.skewed(1.5)),
            new Copy("blurred+noisy", s -> s.blurredWithNoise(18)),
            new Copy("150 dpi JPEG", s -> ScannedCopies.at(150).jpeg(0.4f)),
            new Copy("upside down", ScannedCopies::turned));

    private OcrBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        byte[] pdf = CorpusBulletin.load("seed-001").pdf();
        System.out.printf("max heap %d MB, %d cores; seed-001 pages 1-%d%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), pages);
        System.out.printf("%-15s %6s %10s %14s %14s%n", "copy", "pages", "s / page", "CPU s / page", "peak heap MB");
        try (PageOcr ocr = new PageOcr(OcrSettings.DEFAULTS)) {
            PdfExtractor extractor = new PdfExtractor(ocr);
            long start = System.nanoTime();
            extractor.extract(ScannedCopies.at(200).of(pdf, 1, 1));
            System.out.printf("%-15s %6d %10.2f %14s %14s%n", "first page", 1, (System.nanoTime() - start) / 1e9, "", "(models load)");
            for (Copy copy : COPIES) {
                byte[] scan = copy.scan().apply(ScannedCopies.at(200)).of(pdf, 1, pages);
                HeapPeaks.reset();
                long cpu = processCpuNanos();
                start = System.nanoTime();
                ExtractedPdf read = extractor.extract(scan);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
                System.out.printf("%-15s %6d %10.2f %14.2f %14d%n", copy.name(), read.scanned().size(),
                        seconds / read.scanned().size(), cpuSeconds / read.scanned().size(), HeapPeaks.megabytes());
            }
        }
    }

    /** CPU time of this JVM, all threads: what a page costs however busy the machine is. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
