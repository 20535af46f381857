package com.bulletiningest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.bulletiningest.fixtures.BulletinPdfWriter;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.fixtures.Variants;
import com.bulletiningest.store.db.ContentHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.app.RunningService.OWNERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on its embedded defaults, killed with SIGKILL together with its PostgreSQL right after it committed a
 * bulletin, and started again on the same data: what was committed stays, what was not is taken again.
 */
@DisplayName("embedded PostgreSQL, crashed")
class EmbeddedPostgresCrashIT {

    private static final int BULLETINS = 12;
    private static final int CRASHES = 10;

    @TempDir
    Path home;

    private ServiceProcess service;

    @BeforeEach
    void create() throws Exception {
        service = new ServiceProcess(home, OWNERS);
        // HanLP's keywords cost start-up time and change nothing about crashes
        service.properties.put("bulletin.keywords.enabled", "false");
    }

    @AfterEach
    void close() throws Exception {
        service.close();
    }

    @Test
    @DisplayName("12 bulletins, the JVM and PostgreSQL killed right after a commit at least 10 times: every file in "
            + ".done has its bulletin, none twice, nothing set aside, every digest sent; a SIGTERM then stops the "
            + "service and its PostgreSQL")
    void killedAfterCommits() throws Exception {
        List<Map.Entry<String, byte[]>> pdfs = new ArrayList<>(distinctBulletins().entrySet());
        service.start();
        // each round brings a new bulletin, so each start commits at least one before it is killed
        for (int crash = 0; crash < CRASHES; crash++) {
            drop(pdfs.get(crash).getValue(), pdfs.get(crash).getKey());
            service.awaitLog("bulletin #\\d+ from");
            service.kill9();
            assertThat(service.postmasters()).as("PostgreSQL processes after kill9").isEmpty();
            service.start();
        }
        pdfs.subList(CRASHES, BULLETINS).forEach(pdf -> drop(pdf.getValue(), pdf.getKey()));

        Eventually.within(ServiceProcess.PATIENCE, "every file in .done", () -> pdfsIn(service.inbox().resolve(".done")) == BULLETINS);
        Eventually.within(ServiceProcess.PATIENCE, "every digest sent",
                () -> count("select count(*) from outbox where sent_at is null") == 0);
        assertThat(service.inbox().resolve(".failed")).doesNotExist();
        assertThat(count("select count(*) from bulletin")).isEqualTo(BULLETINS);
        for (Path done : pdfList(service.inbox().resolve(".done"))) {
            assertThat(count("select count(*) from bulletin where sha256 = '" + ContentHash.sha256(Files.readAllBytes(done)) + "'"))
                    .as("bulletin row of %s", done.getFileName()).isEqualTo(1);
        }
        assertThat(count("select count(*) from outbox")).isPositive();
        for (String row : Rows.firstColumn(service.database(), "select id || ' ' || message_id from outbox")) {
            String[] idAndMessageId = row.split(" ");
            Path eml = service.dataDir().resolve("sent/digest-" + idAndMessageId[0] + ".eml");
            assertThat(Files.readString(eml)).as("copy of digest %s", idAndMessageId[0])
                    .contains(idAndMessageId[1]);
        }
        // 143 = 128 + SIGTERM: a JVM stopped by the signal exits so after its shutdown hooks ran
        assertThat(service.stop()).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(service.postmasters()).as("PostgreSQL processes after a clean stop").isEmpty();
    }

    @Test
    @DisplayName("the JVM alone killed: the PostgreSQL it leaves running is stopped at the next start, which runs one "
            + "server on the same data")
    void orphanedServerIsStoppedAtTheNextStart() throws Exception {
        service.start();
        drop(CorpusBulletin.load("seed-000").pdf(), "seed-000.pdf");
        service.awaitLog("bulletin #\\d+ from");
        ProcessHandle orphan = service.postmaster().orElseThrow();

        service.kill9Jvm();
        Thread.sleep(1000);
        assertThat(orphan.isAlive()).as("PostgreSQL outlives the killed JVM").isTrue();

        service.start();
        service.awaitLog("left running by an earlier run");
        service.awaitLog("bulletin-ingest\\) started");
        assertThat(orphan.isAlive()).isFalse();
        assertThat(service.postmasters()).hasSize(1);
        drop(CorpusBulletin.load("seed-001").pdf(), "seed-001.pdf");
        service.awaitLog("bulletin #\\d+ from");
        assertThat(Rows.firstColumn(service.database(), "select original_name from bulletin order by id"))
                .containsExactly("inbox/seed-000.pdf", "inbox/seed-001.pdf");
    }

    /** The two corpus bulletins and rewrites of them, each a different PDF. */
    private static Map<String, byte[]> distinctBulletins() {
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        BulletinPdfWriter writer = new BulletinPdfWriter();
        List<Variants.Variant> variants = new ArrayList<>();
        for (String name : CorpusBulletin.NAMES) {
            CorpusBulletin bulletin = CorpusBulletin.load(name);
            pdfs.put(name + ".pdf", bulletin.pdf());
            variants.addAll(Variants.of(bulletin));
        }
        for (Variants.Variant variant : variants) {
            if (pdfs.size() == BULLETINS) {
                break;
            }
            pdfs.put(String.format("variant-%02d.pdf", pdfs.size()), writer.write(variant.text()));
        }
        return pdfs;
    }

    private void drop(byte[] pdf, String name) {
        try {
            service.drop(pdf, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(Rows.firstColumn(service.database(), sql).get(0));
    }

    private static long pdfsIn(Path folder) throws Exception {
        return pdfList(folder).size();
    }

    private static List<Path> pdfList(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".pdf")).toList();
        }
    }
}
