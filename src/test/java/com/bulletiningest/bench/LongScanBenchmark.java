package com.bulletiningest.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.bulletiningest.extract.ExtractedPdf;
import com.bulletiningest.extract.OcrSettings;
import com.bulletiningest.extract.PageOcr;
import com.bulletiningest.extract.PdfExtractor;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.ScannedCopies;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.BulletinSplitter;
import com.bulletiningest.split.Categories;
import com.sun.management.GarbageCollectionNotificationInfo;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Shows that a long scan is read in bounded memory, one page at a time: writes a scanned PDF of many pages (seed-001's
 * 25 pages over and over, scanned at 200 dpi as JPEG, like an office scanner's), then reads and splits it as the
 * service's read step does, and prints the time per page, the heap in use at its highest (sampled every 50 ms), the
 * sum of the heap pools' peaks and the heap left after a collection at its highest. Not a test: it prints figures, and fails only when the reading does. Run in the
 * benchmark profile's JVM ({@code -Xmx512m}):
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.main=com.bulletiningest.bench.LongScanBenchmark}
 * (argument: {@code -Dbenchmark.args="<pages>"}, default 200). The PDF is written once into
 * {@code target/benchmark-pdfs/}.
 */
public final class LongScanBenchmark {

    private static final String BULLETIN = "seed-001";

    private LongScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path scan = scan(pages);
        System.out.printf("max heap %d MB, %d cores, load average %.1f; %s: %d scanned pages, %d MB%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), scan.getFileName(), pages,
                Files.size(scan) >> 20);

        AtomicLong highest = new AtomicLong();
        AtomicLong afterCollection = new AtomicLong();
        listenToCollections(afterCollection);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        HeapPeaks.reset();
        sampler.scheduleAtFixedRate(() -> highest.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 50, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        ExtractedPdf read;
        Bulletin bulletin;
        try (PageOcr ocr = new PageOcr(OcrSettings.DEFAULTS)) {
            // as the service holds it: the whole file's bytes, the pages rendered and read one at a time
            read = new PdfExtractor(ocr).extract(Files.readAllBytes(scan), scan.getFileName().toString());
            bulletin = new BulletinSplitter(Categories::defaults).split(read);
        } finally {
            sampler.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read.scanned().size() != pages) {
            throw new IllegalStateException("only " + read.scanned().size() + " of " + pages + " pages were read by OCR");
        }
        System.out.printf("read %d pages by OCR in %.0f s (%.2f s a page), %d sections, %d notices%n", read.scanned().size(),
                seconds, seconds / pages, bulletin.sections().size(), bulletin.notices().size());
        System.out.printf("heap in use at its highest %d MB (sampled every 50 ms, garbage included); heap pools' peaks summed %d MB; "
                + "max heap %d MB%n", highest.get() >> 20, HeapPeaks.megabytes(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("heap left after a collection, at its highest: %d MB (old garbage and soft-referenced page images included)%n",
                afterCollection.get() >> 20);
    }

    /**
     * Keeps the highest heap use right after a garbage collection: the live data, plus what a young collection leaves
     * (old-generation garbage) and softly referenced caches.
     */
    private static void listenToCollections(AtomicLong highest) {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
                    highest.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    /** The scanned PDF of {@code pages} pages, written once. */
    private static Path scan(int pages) throws Exception {
        Path cached = Files.createDirectories(Path.of("target/benchmark-pdfs")).resolve("long-scan-" + pages + ".pdf");
        if (Files.exists(cached)) {
            return cached;
        }
        byte[] original = CorpusBulletin.load(BULLETIN).pdf();
        byte[] repeated;
        try (PDDocument source = Loader.loadPDF(original); PDDocument copy = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                copy.importPage(source.getPage(p % source.getNumberOfPages()));
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            copy.save(out);
            repeated = out.toByteArray();
        }
        Path partial = Files.write(cached.resolveSibling(cached.getFileName() + ".part"),
                ScannedCopies.at(200).jpeg(0.75f).of(repeated, 1, pages));
        return Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE);
    }
}
