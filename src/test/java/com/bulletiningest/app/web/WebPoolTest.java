package com.bulletiningest.app.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.bulletiningest.app.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web requests cannot starve ingest: 20 clients asking for past-the-end search pages without pause (each such page
 * once held two connections of the shared pool of four, and four of them deadlocked it for the 10 s connection
 * timeout) while a bulletin is dropped into the inbox.
 */
@DisplayName("console load and ingest")
class WebPoolTest {

    @RegisterExtension
    static final RunningService service = RunningService.withOwners(RunningService.OWNERS).withIngested("seed-000.pdf");

    @Test
    @DisplayName("20 clients paging past the end without pause: a bulletin dropped meanwhile is stored within 10 s, "
            + "every answer is 200 or 503 with Retry-After, health reports the web pool apart and ingest's database UP")
    void pastTheEndPagesDoNotStarveIngest() throws Exception {
        RawHttp http = new RawHttp(Integer.parseInt(service.properties.get("bulletin.http.port")));
        AtomicBoolean loading = new AtomicBoolean(true);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger withoutRetryAfter = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        for (int i = 0; i < 20; i++) {
            int client = i;
            clients.submit(() -> {
                while (loading.get()) {
                    RawHttp.Response answer = http.get("/api/notices?page=999&q=%E8%8D%AF&n=" + client);
                    statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (answer.status() == 503 && answer.header("Retry-After") == null) {
                        withoutRetryAfter.incrementAndGet();
                    }
                }
                return null;
            });
        }
        JsonNode health;
        long dropped = System.nanoTime();
        try {
            Thread.sleep(1000); // the load is on
            service.drop("seed-001.pdf", "seed-001.pdf");
            dropped = System.nanoTime();
            Path done = service.inbox().resolve(".done").resolve("seed-001.pdf");
            while (!Files.exists(done) && System.nanoTime() - dropped < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(50);
            }
            health = new ObjectMapper().readTree(http.get("/observe/health?exposureLevel=full").body());
        } finally {
            loading.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        Duration stored = Duration.ofNanos(System.nanoTime() - dropped);

        assertThat(service.inbox().resolve(".done").resolve("seed-001.pdf")).exists();
        assertThat(stored).as("drop to stored under load").isLessThan(Duration.ofSeconds(10));
        assertThat(statuses.keySet()).as("statuses " + statuses).isSubsetOf(200, 503);
        assertThat(statuses.get(200).get()).as("answered pages").isPositive();
        assertThat(withoutRetryAfter.get()).isZero();
        assertThat(check(health, "database").get("status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(check(health, "web-pool").get("status").asText()).isIn("UP", "DOWN");
        assertThat(check(health, "smtp").get("status").asText()).isEqualTo("UP");
    }

    private static JsonNode check(JsonNode health, String id) {
        for (JsonNode check : health.get("checks")) {
            if (check.toString().contains("\"" + id + "\"")) {
                return check;
            }
        }
        throw new AssertionError("no health check " + id + " in " + health);
    }
}
