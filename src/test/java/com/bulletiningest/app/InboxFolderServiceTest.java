package com.bulletiningest.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.bulletiningest.fixtures.LogCapture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.app.RunningService.CORPUS;
import static com.bulletiningest.app.RunningService.OWNERS;
import static com.bulletiningest.app.RunningService.PATIENCE;
import static com.bulletiningest.app.RunningService.settle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox folder against files that broke it (each found on the running service): names of 255 bytes or with a
 * newline, empty files, links, a slow writer, a file that keeps failing, two instances on one inbox. Each ends with
 * where the file went, its reason, the rows, and a good file still going through. Whole service on embedded
 * PostgreSQL ({@link RunningService}), the log captured as it is written.
 */
@DisplayName("inbox folder, end to end: files that must not break it")
class InboxFolderServiceTest {

    /** Longer than the writer's pauses below, so a file still being written is never set aside half-written. */
    private static final String SETTLE_TIME = "3000";

    @TempDir
    Path home;

    @RegisterExtension
    final RunningService service = RunningService.withOwners(OWNERS).with("bulletin.inbox.settle-time", SETTLE_TIME)
            .startedByTest();
    private LogCapture log;

    @BeforeEach
    void watch() {
        log = new LogCapture();
    }

    @AfterEach
    void stop() {
        service.stop();
        log.close();
    }

    @Test
    @DisplayName("255-byte names: a PDF is stored and moved to .done; a non-PDF goes to .failed with a shortened reason file; a bounded log")
    void longestNamesAreProcessed() throws Exception {
        service.start();
        String good = name255("政策周报-", 'g');
        String bad = name255("不是PDF-", 'b');
        dropCorpus("seed-000.pdf", good);
        Files.writeString(service.inbox().resolve(bad), "just some text, no PDF");

        service.awaitDone(good);
        Eventually.within(PATIENCE, "the bad file in .failed", () -> Files.exists(failed(bad)));
        assertThat(service.strings("select original_name from bulletin")).containsExactly("inbox/" + good);
        try (Stream<Path> reasons = Files.list(failed(bad).getParent())) {
            Path reason = reasons.filter(f -> f.getFileName().toString().endsWith(".reason.txt")).findFirst().orElseThrow();
            assertThat(reason.getFileName().toString()).startsWith("不是PDF-bbbb").matches(".*~[0-9a-f]{8}\\.reason\\.txt");
            assertThat(reason.getFileName().toString().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(255);
            assertThat(Files.readString(reason)).startsWith("not a PDF");
        }
        settle(); // several polls after both were dealt with: nothing more is logged about them
        assertThat(log.mentioning("bbbbbbbbbbbbbbbbbbbb")).hasSizeBetween(2, 4); // received, (not settled yet), refused
        assertThat(log.mentioning("gggggggggggggggggggg")).hasSizeBetween(2, 3); // received, bulletin #1 stored
        assertThat(log.text()).doesNotContain("File name too long");

        assertAGoodFileStillGoesThrough(2);
    }

    @Test
    @DisplayName("empty files and a link to /dev/zero are set aside at once; a good file dropped with them is stored promptly")
    void emptyFilesDoNotHoldThePoll() throws Exception {
        service.start();
        for (int i = 1; i <= 5; i++) {
            Files.createFile(service.inbox().resolve("empty-" + i + ".pdf"));
        }
        Files.createSymbolicLink(service.inbox().resolve("zero.pdf"), Path.of("/dev/zero"));
        dropCorpus("seed-000.pdf", "good.pdf");

        // before, each empty file held the poll for the read lock's 10 s timeout: 50 s for these five
        Eventually.within(Duration.ofSeconds(20), "good.pdf in .done", () -> Files.exists(done("good.pdf")));
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(1);
        for (int i = 1; i <= 5; i++) {
            String empty = "empty-" + i + ".pdf";
            Eventually.within(PATIENCE, empty + " in .failed", () -> Files.exists(failed(empty)));
            assertThat(Files.readString(reasonOf(empty))).isEqualToIgnoringNewLines("empty file");
        }
        assertThat(failed("zero.pdf")).isSymbolicLink();
        assertThat(Files.readString(reasonOf("zero.pdf"))).startsWith("a link, not a file");
        assertThat(log.text()).doesNotContain("/dev/zero");
    }

    @Test
    @DisplayName("a link to a PDF outside the inbox is refused unread: the link goes to .failed, nothing stored, its target never logged")
    void linksAreRefused() throws Exception {
        Path outside = Files.createDirectories(home.resolve("elsewhere")).resolve("private-bulletin.pdf");
        Files.copy(CORPUS.resolve("seed-000.pdf"), outside);
        service.start();
        Files.createSymbolicLink(service.inbox().resolve("linked.pdf"), outside);

        Eventually.within(PATIENCE, "linked.pdf in .failed", () -> Files.exists(failed("linked.pdf"), LinkOption.NOFOLLOW_LINKS));
        assertThat(failed("linked.pdf")).isSymbolicLink();
        assertThat(Files.readString(reasonOf("linked.pdf"))).startsWith("a link, not a file");
        assertThat(outside).exists();
        settle();
        assertThat(service.count("select count(*) from bulletin")).isZero();
        assertThat(log.text()).doesNotContain("elsewhere").doesNotContain("private-bulletin").doesNotContain("229419");

        assertAGoodFileStillGoesThrough(1);
    }

    @Test
    @DisplayName("links planted in .done are not followed: a link at .done/<name> is replaced, not written through; "
            + "with .done itself a link, the stored file is set aside in .failed with its reason; each bulletin is "
            + "stored once and the links' targets are untouched")
    void linksInDoneAreNotFollowed() throws Exception {
        Path victim = Files.writeString(home.resolve("victim.pdf"), "precious");
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Path victimInside = Files.writeString(elsewhere.resolve("seed-001.pdf"), "precious too");
        service.start();

        Files.createSymbolicLink(done("seed-000.pdf"), victim);
        dropCorpus("seed-000.pdf", "seed-000.pdf");
        Eventually.within(PATIENCE, "seed-000.pdf in .done as a file",
                () -> Files.isRegularFile(done("seed-000.pdf"), LinkOption.NOFOLLOW_LINKS));
        assertThat(victim).hasContent("precious");

        Files.move(service.inbox().resolve(".done"), service.inbox().resolve(".done-before"));
        Files.createSymbolicLink(service.inbox().resolve(".done"), elsewhere);
        dropCorpus("seed-001.pdf", "seed-001.pdf");
        Eventually.within(PATIENCE, "seed-001.pdf in .failed", () -> Files.exists(failed("seed-001.pdf")));
        assertThat(Files.readString(reasonOf("seed-001.pdf")))
                .startsWith("stored as bulletin #2, but inbox/.done is a link or no folder: nothing is moved through it");
        settle();
        assertThat(victimInside).hasContent("precious too");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).containsExactly(victimInside);
        }
        assertThat(service.strings("select original_name from bulletin order by id"))
                .containsExactly("inbox/seed-000.pdf", "inbox/seed-001.pdf");
        assertThat(log.mentioning("inbox/.done is a link or no folder")).hasSize(1);
    }

    @Test
    @DisplayName("a newline in a name cannot forge a log line: each event is one line with the name escaped, and the name is stored escaped")
    void controlCharactersInNamesAreEscaped() throws Exception {
        service.start();
        String forged = "weekly.pdf\n12:00:00.000 INFO  ingest             bulletin #999 from FORGED.pdf";
        dropCorpus("seed-000.pdf", forged);

        service.awaitDone(forged);
        String escaped = "inbox/weekly.pdf\\n12:00:00.000 INFO  ingest             bulletin #999 from FORGED.pdf";
        assertThat(service.strings("select original_name from bulletin")).containsExactly(escaped);
        assertThat(log.mentioning("FORGED")).isNotEmpty().allSatisfy(event -> {
            assertThat(event.message()).contains(escaped).doesNotContain("\n");
        });
        assertThat(log.events()).noneMatch(event -> event.message().contains("\n"));

        assertAGoodFileStillGoesThrough(2);
    }

    @Test
    @DisplayName("a writer pausing longer than the read lock's minimum age: the file is read half-written, left in the inbox, and stored once complete; nothing in .failed")
    void slowWriterEndsStored() throws Exception {
        service.start();
        Path file = service.inbox().resolve("slow.pdf");
        byte[] pdf = Files.readAllBytes(CORPUS.resolve("seed-000.pdf"));
        try (OutputStream out = Files.newOutputStream(file)) {
            int chunk = pdf.length / 4 + 1;
            for (int from = 0; from < pdf.length; from += chunk) {
                out.write(pdf, from, Math.min(chunk, pdf.length - from));
                out.flush();
                Thread.sleep(1200); // min-age 300 ms, checks every 200 ms: the service takes the file in every pause
            }
        }

        service.awaitDone("slow.pdf");
        assertThat(log.mentioning("inbox/slow.pdf cannot be read yet")).isNotEmpty(); // it was taken half-written
        assertThat(service.strings("select original_name from bulletin")).containsExactly("inbox/slow.pdf");
        assertThat(service.count("select count(*) from notice")).isEqualTo(15);
        assertThat(service.inbox().resolve(".failed")).doesNotExist();
    }

    @Test
    @DisplayName("a file failing for another reason than an outage (the database refuses the insert) is tried 3 times, then set aside with one ERROR")
    void failingFileIsTriedThreeTimes() throws Exception {
        service.start();
        service.execute("create sequence refused_inserts",
                "create function refuse_bulletin() returns trigger language plpgsql as $$ begin "
                        + "perform nextval('refused_inserts'); raise exception 'bulletin quota exceeded'; end $$",
                "create trigger refuse before insert on bulletin for each row execute function refuse_bulletin()");
        dropCorpus("seed-000.pdf", "refused.pdf");

        Eventually.within(PATIENCE, "refused.pdf in .failed", () -> Files.exists(failed("refused.pdf")));
        assertThat(Files.readString(reasonOf("refused.pdf")))
                .startsWith("could not process the file in 3 attempts (").contains("bulletin quota exceeded");
        settle();
        assertThat(service.strings("select last_value from refused_inserts")).containsExactly("3");
        assertThat(log.atLeast(Level.ERROR)).singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("inbox/refused.pdf failed, moved to inbox/.failed"));
        assertThat(log.mentioning("inbox/refused.pdf left in the inbox")).hasSize(2);
        assertThat(service.count("select count(*) from intake_attempt")).isZero();

        service.execute("drop trigger refuse on bulletin");
        assertAGoodFileStillGoesThrough(1);
    }

    @Test
    @DisplayName("two services on one inbox and one database: every file is taken once, all end in .done or .failed, nothing logged as an error")
    void twoServicesShareOneInbox() throws Exception {
        EmbeddedPostgres shared = EmbeddedPostgres.builder().start();
        RunningService second = new RunningService(Files.createDirectories(home.resolve("two")), OWNERS);
        second.properties.put("bulletin.inbox", service.inbox().toString());
        second.properties.put("bulletin.inbox.settle-time", SETTLE_TIME);
        for (RunningService each : List.of(service, second)) {
            each.properties.put("bulletin.db.url", shared.getJdbcUrl("postgres", "postgres"));
            each.properties.put("bulletin.db.user", "postgres");
        }
        try {
            service.start();
            second.start();
            dropCorpus("seed-000.pdf", "seed-000.pdf");
            dropCorpus("seed-001.pdf", "seed-001.pdf");
            for (int i = 1; i <= 6; i++) {
                Files.writeString(service.inbox().resolve("note-" + i + ".txt"), "note " + i);
            }
            Files.createFile(service.inbox().resolve("empty.pdf"));

            service.awaitDone("seed-000.pdf");
            service.awaitDone("seed-001.pdf");
            for (int i = 1; i <= 6; i++) {
                String note = "note-" + i + ".txt";
                Eventually.within(PATIENCE, note + " in .failed", () -> Files.exists(failed(note)));
            }
            Eventually.within(PATIENCE, "empty.pdf in .failed", () -> Files.exists(failed("empty.pdf")));
            settle();
            try (Stream<Path> left = Files.list(service.inbox())) {
                assertThat(left.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(".done", ".failed");
            }
            for (String name : List.of("note-1.txt", "note-6.txt", "empty.pdf")) {
                assertThat(log.mentioning("inbox/" + name + " refused")).as(name + " set aside once").hasSize(1);
            }
            for (String name : List.of("seed-000.pdf", "seed-001.pdf")) {
                assertThat(log.mentioning("inbox/" + name + " received")).as(name + " taken once").hasSize(1);
            }
            assertThat(log.mentioning("duplicate of bulletin")).isEmpty();
            assertThat(service.count("select count(*) from bulletin")).isEqualTo(2);
            assertThat(service.count("select count(*) from file_claim")).isZero();
            assertThat(log.atLeast(Level.ERROR)).isEmpty();
            // besides the start-up warning about senders
            assertThat(log.atLeast(Level.WARN))
                    .filteredOn(warning -> !warning.logger().endsWith("MailIntakeConfiguration"))
                    .allSatisfy(warning -> assertThat(warning.message()).contains("refused"));
        } finally {
            second.stop();
            service.stop();
            shared.close();
        }
    }

    /** A name of exactly 255 UTF-8 bytes, the most Linux file systems allow: {@code prefix}, {@code filler}s, .pdf. */
    private static String name255(String prefix, char filler) {
        int fill = 255 - prefix.getBytes(StandardCharsets.UTF_8).length - ".pdf".length();
        return prefix + String.valueOf(filler).repeat(fill) + ".pdf";
    }

    /** Copies a corpus PDF into the inbox under a short temporary dot name, then renames it (any name works so). */
    private void dropCorpus(String corpusFile, String name) throws IOException {
        Path partial = service.inbox().resolve(".incoming");
        Files.copy(CORPUS.resolve(corpusFile), partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, service.inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void assertAGoodFileStillGoesThrough(int bulletinsThen) throws Exception {
        dropCorpus("seed-001.pdf", "afterwards.pdf");
        service.awaitDone("afterwards.pdf");
        assertThat(service.count("select count(*) from bulletin")).isEqualTo(bulletinsThen);
    }

    private Path done(String name) {
        return service.inbox().resolve(".done").resolve(name);
    }

    private Path failed(String name) {
        return service.inbox().resolve(".failed").resolve(name);
    }

    private Path reasonOf(String name) {
        return service.inbox().resolve(".failed").resolve(name + ".reason.txt");
    }
}
