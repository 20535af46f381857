package com.bulletiningest.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.bulletiningest.enrich.Enricher;
import com.bulletiningest.fixtures.Enrichers;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.BulletinReader;
import com.bulletiningest.split.Categories;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.read.NoticeFilter;
import com.bulletiningest.store.read.NoticeSearch;
import com.bulletiningest.store.write.BulletinStore;
import com.bulletiningest.store.write.ReceivedBulletin;

/**
 * Prints the search's p50/p95 time for five typical searches over 10,000 notices on an embedded PostgreSQL: the two
 * corpus bulletins stored again and again as copies renumbered (titles carry the copy number, so none is a repeat)
 * and re-dated a week apart, enriched with the rule tags. Not a test: it prints figures.
 * {@code ./mvnw -q -Pbenchmark test-compile exec:java -Dbenchmark.main=com.bulletiningest.bench.SearchBenchmark}
 */
public final class SearchBenchmark {

    private static final int RUNS = 200;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("search-benchmark");
        try (Database database = new Database("", "", "", dataDir, 0)) {
            long loaded = load(database, args.length > 0 ? Integer.parseInt(args[0]) : 10_000);
            // as an archive stands between two bulletins: statistics and visibility map up to date (autovacuum would
            // otherwise run, or not, while the searches are timed)
            try (Connection connection = database.dataSource().getConnection();
                 Statement vacuum = connection.createStatement()) {
                vacuum.execute("vacuum analyze");
            }
            NoticeSearch search = new NoticeSearch(database.dataSource());
            Map<String, NoticeFilter> searches = Map.of(
                    "q=参比制剂", NoticeFilter.query("参比制剂"),
                    "q=药 (one character)", NoticeFilter.query("药"),
                    "q=天津 category=tech", new NoticeFilter("天津", "tech", null, null, null, null, null, null, null,
                            null, null, 1, 20),
                    "tag=天津 deadline_after=2021-03-10 sort=deadline", new NoticeFilter(null, null, null, "天津", null,
                            null, null, null, java.time.LocalDate.of(2021, 3, 10), null, NoticeFilter.Sort.DEADLINE,
                            1, 20),
                    "q=知识产权 has_deadline=true page=3", new NoticeFilter("知识产权", null, null, null, null, null, null,
                            true, null, null, null, 3, 20));
            System.out.printf("%d notices stored%n", loaded);
            searches.forEach((name, filter) -> {
                long[] times = new long[RUNS];
                long total = 0;
                for (int i = -20; i < RUNS; i++) { // 20 warm-up runs
                    long start = System.nanoTime();
                    total = search.search(filter).total();
                    if (i >= 0) {
                        times[i] = System.nanoTime() - start;
                    }
                }
                Arrays.sort(times);
                System.out.printf("%-50s %5d hits  p50 %6.1f ms  p95 %6.1f ms%n", name, total,
                        times[RUNS / 2] / 1e6, times[RUNS * 95 / 100] / 1e6);
            });
        }
    }

    /** Stores copies of the corpus bulletins until {@code wanted} notices are stored; returns how many. */
    static long load(Database database, int wanted) throws Exception {
        BulletinStore store = new BulletinStore(database.dataSource(), (connection, bulletin) -> 0);
        BulletinReader reader = new BulletinReader(Categories.defaults());
        Enricher enricher = Enrichers.create(Path.of("config/tags.yaml"), false, 0);
        Path corpusDir = Path.of("src/test/resources/corpus");
        List<Bulletin> corpus = List.of(reader.read(Files.readAllBytes(corpusDir.resolve("seed-000.pdf"))),
                reader.read(Files.readAllBytes(corpusDir.resolve("seed-001.pdf"))));
        long notices = 0;
        for (int copy = 0; notices < wanted; copy++) {
            Bulletin bulletin = copyOf(corpus.get(copy % 2), copy);
            store.save(new ReceivedBulletin(String.format("%064d", copy), "folder", "copy-" + copy + ".pdf", null,
                    Instant.now(), "text"), bulletin, enricher.enrich(bulletin));
            notices += bulletin.notices().size();
        }
        return notices;
    }

    /** The bulletin issued {@code copy} weeks later, every title numbered with the copy. */
    private static Bulletin copyOf(Bulletin bulletin, int copy) {
        List<Section> sections = new ArrayList<>();
        for (Section s : bulletin.sections()) {
            List<Group> groups = new ArrayList<>();
            for (Group g : s.groups()) {
                groups.add(new Group(g.label(), g.notices().stream().map(n -> new Notice(n.no(),
                        n.title() + "（" + copy + "）", n.issuer(), n.date() == null ? null : n.date().plusWeeks(copy),
                        n.source(), n.published(), n.page(), n.lastPage(), n.links(), n.bodyLinks(), n.body()))
                        .toList()));
            }
            sections.add(new Section(s.category(), s.heading(), s.periodStart() == null ? null
                    : s.periodStart().plusWeeks(copy), s.periodEnd() == null ? null : s.periodEnd().plusWeeks(copy),
                    s.signoff(), groups));
        }
        return new Bulletin(bulletin.issued().plusWeeks(copy), bulletin.pages(), sections);
    }
}
