package com.bulletiningest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.bulletiningest.enrich.TagDryRun;
import com.bulletiningest.enrich.TagRules;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.read.TaggedNotices;

/**
 * Prints how long the rules dry run takes over 10,000 stored notices (the search benchmark's data): reading the
 * notices alone, and reading them with config/tags.yaml evaluated (unchanged, and with the 天津 rule taken out).
 * Not a test: it prints figures.
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark.main=com.bulletiningest.bench.RulesDryRunBenchmark}
 */
public final class RulesDryRunBenchmark {

    private static final int RUNS = 7;

    private RulesDryRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("rules-benchmark");
        String rules = Files.readString(Path.of("config/tags.yaml"));
        String edited = rules.replace("  - tag: 天津\n    any: [天津]\n    in: [group, issuer, title]\n", "");
        try (Database database = new Database("", "", "", dataDir, 0)) {
            long loaded = SearchBenchmark.load(database, args.length > 0 ? Integer.parseInt(args[0]) : 10_000);
            TaggedNotices notices = new TaggedNotices(database.dataSource());
            System.out.printf("%d notices stored%n", loaded);
            time("read only", () -> notices.forEach(notice -> { }) + " notices");
            time("dry run, tags.yaml unchanged", () -> dryRun(notices, rules));
            time("dry run, 天津 rule taken out", () -> dryRun(notices, edited));
        }
    }

    private static String dryRun(TaggedNotices notices, String rules) throws Exception {
        TagDryRun run = new TagDryRun(TagRules.parse("benchmark", rules), 2000);
        notices.forEach(n -> run.compare(n.id(), n.title(), n.text(), n.ruleTags()));
        TagDryRun.Result result = run.result();
        return result.notices() + " notices, " + result.totals() + " changed";
    }

    private static void time(String name, Run run) throws Exception {
        long[] times = new long[RUNS];
        String outcome = null;
        for (int i = -2; i < RUNS; i++) { // 2 warm-up runs
            long start = System.nanoTime();
            outcome = run.run();
            if (i >= 0) {
                times[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(times);
        System.out.printf("%-32s p50 %7.0f ms  max %7.0f ms  (%s)%n", name, times[RUNS / 2] / 1e6,
                times[RUNS - 1] / 1e6, outcome);
    }

    @FunctionalInterface
    private interface Run {
        String run() throws Exception;
    }
}
