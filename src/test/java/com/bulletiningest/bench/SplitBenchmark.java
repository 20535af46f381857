package com.bulletiningest.bench;

import java.util.Arrays;
import java.util.List;

import com.bulletiningest.enrich.FieldExtractor;
import com.bulletiningest.extract.ExtractedPdf;
import com.bulletiningest.extract.PdfExtractor;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.BulletinSplitter;
import com.bulletiningest.split.Categories;

/**
 * Prints how long extraction (PDF to positioned lines and links), splitting (lines to sections and notices) and the
 * field finders (issuers, document numbers, dates, contacts, attachments, amounts of each notice) take per corpus
 * bulletin, measured separately over repeated runs after a warm-up. Not a test: it prints figures.
 * <p>
 * Run: {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.main=com.bulletiningest.bench.SplitBenchmark}
 * (arguments: {@code -Dbenchmark.args="<runs> <warm-up runs>"}).
 */
public final class SplitBenchmark {

    private static final int RUNS = 200;
    private static final int WARM_UP = 30;

    private SplitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : RUNS;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : WARM_UP;
        PdfExtractor extractor = new PdfExtractor();
        Categories categories = Categories.defaults();
        BulletinSplitter splitter = new BulletinSplitter(() -> categories);
        FieldExtractor fields = new FieldExtractor();
        System.out.printf("bulletin   step     runs   mean ms   p50 ms   p95 ms%n");
        for (String name : CorpusBulletin.NAMES) {
            byte[] pdf = CorpusBulletin.load(name).pdf();
            ExtractedPdf extracted = extractor.extract(pdf);
            for (int i = 0; i < warmUp; i++) {
                splitter.split(extractor.extract(pdf));
            }
            long[] extract = new long[runs];
            long[] split = new long[runs];
            long[] found = new long[runs];
            int notices = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                extracted = extractor.extract(pdf);
                long middle = System.nanoTime();
                Bulletin bulletin = splitter.split(extracted);
                long end = System.nanoTime();
                bulletin.sections().forEach(section -> section.groups().forEach(group -> group.notices()
                        .forEach(notice -> fields.extract(notice, section, bulletin))));
                extract[i] = middle - start;
                split[i] = end - middle;
                found[i] = System.nanoTime() - end;
                notices = bulletin.notices().size();
            }
            print(name, "extract", extract);
            print(name, "split", split);
            print(name, "fields", found);
            System.out.printf("           (%d pages, %d lines, %d links, %d notices, %d KB PDF)%n", extracted.pages(),
                    extracted.lines().size(), extracted.links().size(), notices, pdf.length / 1024);
        }
    }

    private static void print(String name, String step, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf("%-10s %-7s %5d %9.2f %8.2f %8.2f%n", name, step, sorted.length, mean / 1e6,
                percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
