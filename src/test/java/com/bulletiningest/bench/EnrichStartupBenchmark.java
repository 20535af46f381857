package com.bulletiningest.bench;

import java.nio.file.Path;

import com.bulletiningest.enrich.Enricher;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.Enrichers;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.BulletinReader;
import com.bulletiningest.split.Categories;

/**
 * Prints what HanLP keywords cost: the first bulletin enriched in a fresh JVM (dictionary loading included) and a
 * warm bulletin, with keywords on and off. Not a test: it prints figures. Run in a fresh JVM each time, e.g.
 * {@code java -cp target/classes:target/test-classes:<deps> com.bulletiningest.bench.EnrichStartupBenchmark true}.
 */
public final class EnrichStartupBenchmark {

    private EnrichStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean keywords = args.length == 0 || Boolean.parseBoolean(args[0]);
        Bulletin bulletin = new BulletinReader(Categories.defaults()).read(CorpusBulletin.load("seed-000").pdf());
        long start = System.nanoTime();
        Enricher enricher = Enrichers.create(Path.of("config/tags.yaml"), keywords, Enricher.DEFAULT_KEYWORD_COUNT);
        long created = System.nanoTime();
        enricher.enrich(bulletin);
        long first = System.nanoTime();
        enricher.enrich(bulletin);
        long warm = System.nanoTime();
        System.out.printf("keywords=%s create %d ms, first bulletin %d ms, warm bulletin %d ms%n", keywords,
                (created - start) / 1_000_000, (first - created) / 1_000_000, (warm - first) / 1_000_000);
    }
}
