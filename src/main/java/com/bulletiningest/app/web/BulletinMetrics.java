package com.bulletiningest.app.web;

import java.time.Duration;
import java.util.List;

import com.bulletiningest.ingest.Headers;
import com.bulletiningest.notify.DigestQueries;
import com.bulletiningest.notify.DigestState;
import com.bulletiningest.store.read.ArchiveFigures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The product's own figures at {@code /observe/metrics} (Prometheus, via Micrometer): bulletins stored per intake
 * and notices stored, set-aside files and failed mails, digests by state and the age of the oldest one still to be sent, all
 * counted where they are kept (database, inbox/.failed) when scraped; duplicates and the ingest duration as measured
 * by routes/ingest.yaml ({@code ingestMetrics}). Gauges hold their figures strongly: Micrometer's default weak
 * reference would let them be collected and report NaN.
 */
public final class BulletinMetrics {

    private static final String STARTED = "bulletinIngestStarted";

    private final MeterRegistry registry;

    BulletinMetrics(MeterRegistry registry, ArchiveFigures figures, DigestQueries digests, FailedFiles failedFiles) {
        this.registry = registry;
        for (String intake : List.of(Headers.FROM_FOLDER, Headers.FROM_MAIL)) {
            Gauge.builder("bulletin_bulletins_stored", figures, f -> f.bulletins(intake))
                    .description("bulletins stored").tag("intake", intake)
                    .strongReference(true).register(registry);
        }
        Gauge.builder("bulletin_bulletins_failed", failedFiles, f -> f.list().size())
                .description("files set aside in inbox/.failed").tag("intake", Headers.FROM_FOLDER).strongReference(true).register(registry);
        Gauge.builder("bulletin_bulletins_failed", figures, ArchiveFigures::failedMails)
                .description("mailed-in messages that failed").tag("intake", Headers.FROM_MAIL).strongReference(true).register(registry);
        Gauge.builder("bulletin_notices_stored", figures, ArchiveFigures::notices)
                .description("notices stored, repeats included").strongReference(true).register(registry);
        for (DigestState state : DigestState.values()) {
            Gauge.builder("bulletin_digests", digests, d -> d.count(state))
                    .description("digests in the outbox by state").tag("state", state.label())
                    .strongReference(true).register(registry);
        }
        Gauge.builder("bulletin_oldest_unsent_digest_age_seconds", digests, DigestQueries::oldestUnsentAge)
                .description("how long the oldest unsent digest has waited").strongReference(true).register(registry);
    }

    /** Notes when an ingest began (first step of routes/ingest.yaml). */
    public void start(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** Counts the outcome (STORED, DUPLICATE) of a finished ingest per intake and records how long it took. */
    public void finish(Exchange exchange, @Header(Headers.SOURCE_KIND) String intake,
                       @Header(Headers.OUTCOME) String outcome) {
        String kind = intake == null ? "unknown" : intake;
        String result = outcome == null ? "unknown" : outcome.toLowerCase(java.util.Locale.ROOT);
        Counter.builder("bulletin_ingests").description("ingests finished, by intake and outcome")
                .tag("intake", kind).tag("outcome", result).register(registry).increment();
        Long started = exchange.getProperty(STARTED, Long.class);
        if (started != null) {
            Timer.builder("bulletin_ingest_duration").description("time to read, enrich and store one bulletin")
                    .tag("outcome", result).publishPercentileHistogram()
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
