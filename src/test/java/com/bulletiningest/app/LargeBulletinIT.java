package com.bulletiningest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.bulletiningest.fixtures.BulletinPdfWriter;
import com.bulletiningest.fixtures.BulletinText;
import com.bulletiningest.fixtures.BulletinText.Page;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.Rows;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.app.RunningService.OWNERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulletin far larger than any seen so far, ingested by the service in a small heap: it is stored and moved to
 * .done, and the JVM never runs out of memory (an OutOfMemoryError ends it, so the test would see it exit).
 */
@DisplayName("bulletin-ingest service, a 1000-page bulletin in a 256 MB heap")
class LargeBulletinIT {

    private static final int PAGES = 1000;

    @TempDir
    Path home;

    @Test
    @DisplayName("a 1000-page bulletin is stored at -Xmx256m")
    void thousandPagesInSmallHeap() throws Exception {
        CorpusBulletin seed = CorpusBulletin.load("seed-000");
        byte[] pdf = new BulletinPdfWriter().write(pages(seed.text(), PAGES));
        try (ServiceProcess service = new ServiceProcess(home, OWNERS)) {
            service.jvmOptions.clear();
            service.jvmOptions.addAll(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
            service.start();
            service.awaitLog("bulletin-ingest\\) started");
            service.drop(pdf, "large.pdf");

            String stored = service.awaitLog("bulletin #\\d+ from inbox/large\\.pdf");

            assertThat(stored).doesNotContain("duplicate");
            // notices from far beyond the first round of the seed's pages
            assertThat(Rows.firstColumn(service.database(), "select count(*) from notice")).singleElement()
                    .satisfies(n -> assertThat(Long.parseLong(n)).isGreaterThan(10L * seed.expected().notices().size()));
            Eventually.within(ServiceProcess.PATIENCE, "large.pdf in .done",
                    () -> Files.exists(service.inbox().resolve(".done/large.pdf")));
            assertThat(service.currentOutput()).doesNotContain("OutOfMemoryError");
        }
    }

    /** The bulletin's first page, then its other pages over and over until there are {@code count}. */
    private static BulletinText pages(BulletinText text, int count) {
        List<Page> pages = new ArrayList<>(List.of(text.pages().get(0)));
        List<Page> body = text.pages().subList(1, text.pages().size());
        for (int i = 0; pages.size() < count; i++) {
            pages.add(body.get(i % body.size()));
        }
        return new BulletinText(pages);
    }
}
