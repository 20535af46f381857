package com.bulletiningest.extract;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bulletins being read by OCR right now, each with the page OCR has reached: what the console's bulletins page
 * shows while a long scan is read. A bulletin is listed from its first scanned page until its extraction ends.
 */
public final class OcrProgress {

    /**
     * A bulletin being read.
     *
     * @param source  its file or attachment name (null when the caller named none)
     * @param page    the page OCR is reading, from 1; 0 while its first page waits for the OCR pool
     * @param pages   the pages of the PDF
     * @param started when its first page was sent to OCR
     */
    public record Reading(String source, int page, int pages, Instant started) {
    }

    private final Map<Tracker, Reading> readings = new ConcurrentHashMap<>();
    private final Clock clock;

    public OcrProgress() {
        this(Clock.systemUTC());
    }

    OcrProgress(Clock clock) {
        this.clock = clock;
    }

    /** What is being read now, the longest-running first. */
    public List<Reading> now() {
        return readings.values().stream().sorted(Comparator.comparing(Reading::started)).toList();
    }

    /** Lists the bulletin as waiting for OCR; closing the tracker takes it off the list. */
    Tracker track(String source, int pages) {
        Tracker tracker = new Tracker(source, pages);
        readings.put(tracker, new Reading(source, 0, pages, clock.instant()));
        return tracker;
    }

    /** One bulletin's entry: moved on page by page, removed when the extraction ends, however it ends. */
    final class Tracker implements AutoCloseable {

        final String source;
        final int pages;

        private Tracker(String source, int pages) {
            this.source = source;
            this.pages = pages;
        }

        /** OCR has started on this page. */
        void reading(int page) {
            readings.computeIfPresent(this, (t, r) -> new Reading(r.source(), page, r.pages(), r.started()));
        }

        @Override
        public void close() {
            readings.remove(this);
        }
    }
}
