package com.bulletiningest.app;

import java.util.ArrayList;
import java.util.List;

import com.bulletiningest.fixtures.BulletinPdfWriter;
import com.bulletiningest.fixtures.BulletinText;
import com.bulletiningest.fixtures.BulletinText.Line;
import com.bulletiningest.fixtures.BulletinText.Mark;
import com.bulletiningest.fixtures.BulletinText.Page;
import com.bulletiningest.fixtures.CorpusBulletin;
import com.bulletiningest.fixtures.LogCapture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.app.RunningService.OWNERS;
import static com.bulletiningest.app.RunningService.settle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many distinct bulletins and byte-for-byte duplicates dropped into the inbox at once and ingested several at a time
 * (bulletin.ingest.threads, 2 by default): every bulletin is stored once, every notice is new once, every duplicate is
 * recognised, and every owner gets exactly one digest per bulletin.
 */
@DisplayName("bulletin-ingest service, many bulletins ingested at a time")
class ConcurrentIngestTest {

    private static final int DISTINCT = 20;
    private static final int DUPLICATES = 5;
    private static final List<String> OWNER_ADDRESSES = List.of("pharma@example.com", "ip-tech@example.com",
            "tech@example.com");

    @RegisterExtension
    final RunningService service = RunningService.withOwners(OWNERS).startedByTest();

    @Test
    @DisplayName("20 distinct bulletins and 5 duplicates at once: 20 bulletins, notices new once, one digest each")
    void distinctAndDuplicatesAtOnce() throws Exception {
        CorpusBulletin seed = CorpusBulletin.load("seed-000");
        BulletinPdfWriter writer = new BulletinPdfWriter();
        List<byte[]> pdfs = new ArrayList<>();
        for (int issue = 1; issue <= DISTINCT; issue++) {
            pdfs.add(writer.write(issue(seed.text(), issue)));
        }
        service.start();
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < DISTINCT; i++) {
                service.drop(pdfs.get(i), "issue-" + (i + 1) + ".pdf");
            }
            for (int i = 0; i < DUPLICATES; i++) {
                service.drop(pdfs.get(i), "again-" + (i + 1) + ".pdf");
            }
            for (int i = 1; i <= DISTINCT; i++) {
                service.awaitDone("issue-" + i + ".pdf");
            }
            for (int i = 1; i <= DUPLICATES; i++) {
                service.awaitDone("again-" + i + ".pdf");
            }

            assertThat(mostInFlight(log)).as("files received and not yet stored at one moment").isGreaterThan(1);
            assertThat(service.count("select count(*) from bulletin")).isEqualTo(DISTINCT);
            int noticesPerIssue = seed.expected().notices().size();
            assertThat(service.count("select count(*) from notice")).isEqualTo((long) DISTINCT * noticesPerIssue);
            assertThat(service.count("select count(*) from notice where repeat_of is null"))
                    .isEqualTo((long) DISTINCT * noticesPerIssue);
            for (int i = 1; i <= DUPLICATES; i++) {
                String name = "again-" + i + ".pdf";
                assertThat(log.mentioning(name)).as(name)
                        .anySatisfy(event -> assertThat(event.message()).contains("duplicate of bulletin #"));
            }
        }
        for (String owner : OWNER_ADDRESSES) {
            service.awaitMail(owner, DISTINCT);
        }
        settle();
        for (String owner : OWNER_ADDRESSES) {
            List<String> digests = service.bodies(owner);
            assertThat(digests).as(owner).hasSize(DISTINCT);
            for (int issue = 1; issue <= DISTINCT; issue++) {
                String marker = marker(issue);
                assertThat(digests).as(owner + ", digests of " + marker).filteredOn(body -> body.contains(marker))
                        .hasSize(1);
            }
        }
    }

    /** The most inbox files received and not yet stored or recognised as duplicates at one time, by the log. */
    private static int mostInFlight(LogCapture log) {
        int inFlight = 0;
        int most = 0;
        for (LogCapture.Event event : log.events()) {
            if (event.message().matches("inbox/\\S+ received .*")) {
                most = Math.max(most, ++inFlight);
            } else if (event.message().matches("(bulletin #\\d+ from |inbox/\\S+: duplicate of ).*")) {
                inFlight--;
            }
        }
        return most;
    }

    private static String marker(int issue) {
        return "第" + issue + "期";
    }

    /** The bulletin with " 第{issue}期" after the first line of every notice title: its notices are new in it alone. */
    private static BulletinText issue(BulletinText text, int issue) {
        List<Page> pages = new ArrayList<>();
        for (Page page : text.pages()) {
            List<Line> lines = new ArrayList<>();
            for (Line line : page.lines()) {
                boolean title = line.mark() != null && line.mark().kind() == Mark.Kind.TITLE;
                lines.add(title
                        ? new Line(line.indent(), line.text() + " " + marker(issue), line.paragraphEnd(), line.links(),
                                line.mark())
                        : line);
            }
            pages.add(new Page(lines, page.bottom()));
        }
        return new BulletinText(pages);
    }
}
