package com.bulletiningest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.bulletiningest.extract.OcrProgress;
import com.bulletiningest.fixtures.ScannedCopies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans are read on their own lane (routes/ingest.yaml): with the default two intake threads and one OCR thread, two
 * scans dropped together hold no intake thread, and a born-digital bulletin dropped while they are read is stored at
 * once, not after them.
 */
@DisplayName("Scans never hold up born-digital bulletins")
class ScanLaneIT {

    private static final Duration SCANS_READ = Duration.ofMinutes(6);

    /** bulletin.ingest.threads 2, bulletin.ocr.threads 1; seed-000 warms up keywords and the store. */
    @RegisterExtension
    final RunningService service = RunningService.withOwners(RunningService.OWNERS).withIngested("seed-000.pdf");

    @Test
    @DisplayName("two 5-page scans dropped together, then seed-001: seed-001 is stored while neither scan is done; "
            + "then both scans are stored too")
    void aBornDigitalBulletinPassesTwoScans() throws Exception {
        byte[] seed001 = Files.readAllBytes(RunningService.CORPUS.resolve("seed-001.pdf"));
        // the same pages scanned twice, differently: two contents, two bulletins
        service.drop(ScannedCopies.at(150).jpeg(0.4f).of(seed001, 1, 5), "scan-a.pdf");
        service.drop(ScannedCopies.at(200).of(seed001, 1, 5), "scan-b.pdf");
        OcrProgress progress = service.bean("ocrProgress", OcrProgress.class);
        Eventually.within(RunningService.PATIENCE, "a scan being read", () -> !progress.now().isEmpty());
        Thread.sleep(1000); // both scans taken from the inbox (one poll takes both)

        long dropped = System.nanoTime();
        service.drop("seed-001.pdf", "seed-001.pdf");
        service.awaitDone("seed-001.pdf");
        double seconds = (System.nanoTime() - dropped) / 1e9;
        boolean scansDone = Files.exists(done("scan-a.pdf")) || Files.exists(done("scan-b.pdf"));
        System.out.printf("seed-001 stored %.1f s after its drop, while %s%n", seconds, progress.now());

        assertThat(scansDone).as("a scan done before the born-digital bulletin dropped after it").isFalse();
        assertThat(service.strings("select original_name from bulletin order by id"))
                .containsExactly("inbox/seed-000.pdf", "inbox/seed-001.pdf");

        Eventually.within(SCANS_READ, "both scans stored", () -> Files.exists(done("scan-a.pdf")) && Files.exists(done("scan-b.pdf")));
        assertThat(service.strings("select original_name from bulletin order by id"))
                .containsExactlyInAnyOrder("inbox/seed-000.pdf", "inbox/seed-001.pdf", "inbox/scan-a.pdf", "inbox/scan-b.pdf");
        assertThat(service.count("select count(*) from notice where ocr_engine is not null")).isPositive();
    }

    private Path done(String name) {
        return service.inbox().resolve(".done").resolve(name);
    }
}
