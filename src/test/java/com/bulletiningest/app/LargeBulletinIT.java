package com.bulletiningest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.bulletiningest.fixtures.BulletinPdfWriter;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.fixtures.Variants;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.app.RunningService.OWNERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulletin far larger than any seen so far, ingested by the service in a small heap: it is stored whole and moved to
 * .done, and the JVM never runs out of memory (an OutOfMemoryError ends it, so the test would see it exit). It is a
 * corpus bulletin printed over and over, so every copy holds exactly the corpus bulletin's sections and notices.
 */
@DisplayName("bulletin-ingest service, a 1000-page bulletin in a 256 MB heap")
class LargeBulletinIT {

    private static final int MIN_PAGES = 1000;

    @TempDir
    Path home;

    @Test
    @DisplayName("a 1000-page bulletin is stored whole at -Xmx256m")
    void thousandPagesInSmallHeap() throws Exception {
        CorpusBulletin seed = CorpusBulletin.load("seed-000");
        int pages = seed.text().pages().size();
        int copies = (MIN_PAGES + pages - 1) / pages;
        byte[] pdf = new BulletinPdfWriter().write(Variants.repeated(seed, copies).text());
        try (ServiceProcess service = new ServiceProcess(home, OWNERS)) {
            service.jvmOptions.clear();
            service.jvmOptions.addAll(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
            service.start();
            service.awaitLog("bulletin-ingest\\) started");
            service.drop(pdf, "large.pdf");

            String stored = service.awaitLog("bulletin #\\d+ from inbox/large\\.pdf");

            assertThat(stored).doesNotContain("duplicate");
            assertThat(Rows.firstColumn(service.database(), "select count(*) from section"))
                    .containsExactly(String.valueOf(copies * seed.expected().sections().size()));
            assertThat(Rows.firstColumn(service.database(), "select count(*) from notice"))
                    .containsExactly(String.valueOf(copies * seed.expected().notices().size()));
            Eventually.within(ServiceProcess.PATIENCE, "large.pdf in .done",
                    () -> Files.exists(service.inbox().resolve(".done/large.pdf")));
            assertThat(service.currentOutput()).doesNotContain("OutOfMemoryError");
        }
    }
}
