package com.bulletiningest.ingest;

import java.time.Instant;
import java.util.List;

import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.extract.ExtractedPdf;
import com.bulletiningest.extract.ScannedPage;
import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.ingest.StepTimes.Step;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.store.db.ContentHash;
import com.bulletiningest.store.write.BulletinStore;
import com.bulletiningest.store.write.ReceivedBulletin;
import com.bulletiningest.store.write.StoreResult;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;

/** The steps of routes/ingest.yaml, each a call into the plain-Java core. */
public final class IngestSteps {

    /** What read gives store: the split bulletin and the text it was split from (kept with the bulletin). */
    public record ReadBulletin(Bulletin bulletin, String text, List<ScannedPage> scanned) {
    }

    /** What enrich gives store: the bulletin read and its notices with their tags and fields, in print order. */
    public record EnrichedBulletin(ReadBulletin read, List<EnrichedNotice> notices) {
    }

    private final Pipeline pipeline;
    private final BulletinStore store;
    private final StepTimes times;

    public IngestSteps(Pipeline pipeline, BulletinStore store, StepTimes times) {
        this.pipeline = pipeline;
        this.store = store;
        this.times = times;
    }

    public String sha256(byte[] content) {
        return ContentHash.sha256(content);
    }

    /** The id of the bulletin already stored with this content, or null. */
    public Long storedId(@Header(Headers.SHA256) String sha256) {
        return store.findByHash(sha256).orElse(null);
    }

    /** Whether the PDF is a scan, read on the scan lane of routes/ingest.yaml so that it holds no intake thread. */
    public boolean isScan(byte[] pdf) {
        return pipeline.extractor().looksScanned(pdf);
    }

    /** @param name the file or attachment name, for the progress of OCR in the log */
    public ReadBulletin read(byte[] pdf, @Header(Headers.ORIGINAL_NAME) String name) throws UnreadableBulletinException {
        ExtractedPdf extracted = times.time(Step.EXTRACT, () -> pipeline.extractor().extract(pdf, name));
        return new ReadBulletin(times.time(Step.SPLIT, () -> pipeline.splitter().split(extracted)), extracted.text(),
                extracted.scanned());
    }

    public EnrichedBulletin enrich(ReadBulletin read) {
        return new EnrichedBulletin(read, times.time(Step.ENRICH, () -> pipeline.enricher().enrich(read.bulletin())));
    }

    /**
     * Stores the bulletin with its tags, fields and outbox digests in one transaction; sets {@code bulletinOutcome} and
     * {@code bulletinId} and leaves the store's result as the body for the progress log.
     */
    public StoreResult store(EnrichedBulletin enriched, Exchange exchange) {
        ReadBulletin read = enriched.read();
        Message message = exchange.getMessage();
        ReceivedBulletin received = new ReceivedBulletin(
                message.getHeader(Headers.SHA256, String.class),
                message.getHeader(Headers.SOURCE_KIND, String.class),
                message.getHeader(Headers.ORIGINAL_NAME, String.class),
                message.getHeader(Headers.MESSAGE_ID, String.class),
                Instant.now(),
                read.text());
        StoreResult result = times.time(Step.STORE, () -> store.save(received, read.bulletin(), enriched.notices(), read.scanned()));
        message.setHeader(Headers.OUTCOME, result.duplicate() ? Headers.DUPLICATE : Headers.STORED);
        message.setHeader(Headers.BULLETIN_ID, result.bulletinId());
        return result;
    }
}
