package com.bulletiningest.app.web;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.bulletiningest.app.Eventually;
import com.bulletiningest.app.RunningService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** /observe/health and /observe/metrics on the running service, with a real database outage. */
@DisplayName("health and metrics")
class ObserveTest {

    @RegisterExtension
    final RunningService service = RunningService.withOwners(RunningService.OWNERS);

    @Test
    @DisplayName("one dropped bulletin raises the stored bulletins by exactly one and the notices by its 15")
    void metricsCountOneDrop() throws Exception {
        String before = WebApiTest.get(service, "/observe/metrics").body();

        service.drop("seed-000.pdf", "seed-000.pdf");
        service.awaitDone("seed-000.pdf");
        String after = WebApiTest.get(service, "/observe/metrics").body();

        assertThat(value(after, "bulletin_bulletins_stored{intake=\"folder\"}") - value(before,
                "bulletin_bulletins_stored{intake=\"folder\"}")).isEqualTo(1);
        assertThat(value(after, "bulletin_notices_stored") - value(before, "bulletin_notices_stored")).isEqualTo(15);
        assertThat(value(after, "bulletin_ingests_total{intake=\"folder\",outcome=\"stored\"}")).isEqualTo(1);
        assertThat(after).contains("bulletin_ingest_duration_seconds_bucket", "bulletin_digests{state=\"queued\"}",
                "bulletin_oldest_unsent_digest_age_seconds", "camel_exchanges_total{");
        assertThat(after).as("Camel's exchange event notifier is off (its start-up gauge race logged a WARN)")
                .doesNotContain("camel_exchanges_last_timestamp");
    }

    @Test
    @DisplayName("/observe/health is UP, DOWN while PostgreSQL is stopped (SIGSTOP), and UP again after")
    void healthFollowsTheDatabase() throws Exception {
        // ready once every consumer has polled (Camel's consumer checks are DOWN until their first poll)
        Eventually.within(RunningService.PATIENCE, "health UP after the start",
                () -> WebApiTest.get(service, "/observe/health").body().contains("\"status\":\"UP\""));
        long pid = Long.parseLong(
                Files.readAllLines(service.home().resolve("data/postgres/postmaster.pid")).get(0).strip());
        // the server and its backends (the pool's open connections), all started by this service
        List<Long> postgres = Stream.concat(Stream.of(pid),
                ProcessHandle.of(pid).orElseThrow().descendants().map(ProcessHandle::pid)).toList();

        signal("STOP", postgres);
        try {
            Eventually.within(RunningService.PATIENCE, "health DOWN",
                    () -> WebApiTest.get(service, "/observe/health").body().contains("DOWN"));
        } finally {
            signal("CONT", postgres);
        }
        Eventually.within(RunningService.PATIENCE, "health UP again",
                () -> WebApiTest.get(service, "/observe/health").body().contains("\"status\":\"UP\""));
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    /** The value of one sample line of the Prometheus text format, 0 when absent. */
    private static double value(String metrics, String sample) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
