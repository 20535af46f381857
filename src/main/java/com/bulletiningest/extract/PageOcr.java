package com.bulletiningest.extract;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.bulletiningest.extract.UnreadableBulletinException.Reason;
import com.bulletiningest.extract.ocr.OcrEngine;
import com.bulletiningest.extract.ocr.OcrLine;
import com.bulletiningest.extract.ocr.OcrPage;
import com.bulletiningest.extract.ocr.OcrTimeoutException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one page by OCR: renders it alone (never a whole bulletin at once, so memory stays that of one page image),
 * has {@link OcrEngine} read it on the OCR pool and turns its lines into {@link TextLine}s in PDF points, without font
 * signals. Pages are read {@link OcrSettings#threads()} at a time across all bulletins, so a long scan holds one core
 * and born-digital bulletins arriving meanwhile are read on the other.
 * <p>
 * Refused, with the page in the reason: a page image larger than {@value #MAX_IMAGE_PIXELS} pixels (a decompression
 * bomb: a small file claiming a huge image), and a page that takes longer than the page time limit.
 */
public class PageOcr implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageOcr.class);
    /** A 600-dpi A3 scan is about 70 million pixels. */
    static final long MAX_IMAGE_PIXELS = 100_000_000L;
    /** The rendered page: an A4 page at 200 dpi is 3.9 million pixels; larger pages are rendered at a lower resolution. */
    private static final double MAX_RENDER_PIXELS = 30_000_000d;
    private static final int SCAN_DPI = 100;
    private static final long IDLE_SECONDS = 30;

    private static final OcrEngine ENGINE = new OcrEngine();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final OcrSettings settings;
    private final ExecutorService pool;
    private final OcrProgress progress;

    public PageOcr(OcrSettings settings) {
        this(settings, new OcrProgress());
    }

    /** @param progress where the bulletins being read and their pages are listed */
    public PageOcr(OcrSettings settings, OcrProgress progress) {
        this.settings = settings;
        this.progress = progress;
        // threads start with the first scan and end when idle: an extractor that never sees a scan holds none
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "ocr-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        this.pool = pool;
    }

    public OcrSettings settings() {
        return settings;
    }

    OcrProgress progress() {
        return progress;
    }

    /** The engine named in the provenance of what it read. */
    public static String engine() {
        return OcrEngine.NAME;
    }

    /** The page's lines as OCR read them, and its page record; no lines when OCR found no text. */
    record Result(List<TextLine> lines, float confidence) {
    }

    /** @param tracker the bulletin's entry in the progress list, moved to this page when OCR starts on it */
    Result read(PDFRenderer renderer, PDPage page, int pageNo, OcrProgress.Tracker tracker) throws UnreadableBulletinException {
        refuseBombs(page.getResources(), pageNo, 0);
        Rectangle2D box = page.getCropBox().toGeneralPath().getBounds2D();
        double scale = Math.min(settings.dpi() / 72d, Math.sqrt(MAX_RENDER_PIXELS / Math.max(1, box.getWidth() * box.getHeight())));
        LOG.info("OCR page {} of {}{}", pageNo, tracker.pages, tracker.source == null ? "" : " of " + tracker.source);
        long deadline = System.nanoTime() + settings.pageTimeout().toNanos();
        Future<OcrPage> reading = pool.submit(() -> {
            tracker.reading(pageNo);
            BufferedImage image = renderer.renderImage(pageNo - 1, (float) scale, ImageType.RGB);
            return ENGINE.read(image, deadline);
        });
        OcrPage ocr;
        try {
            ocr = reading.get(settings.pageTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw timeLimit(pageNo);
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnreadableBulletinException(Reason.DAMAGED, "OCR of page " + pageNo + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OcrTimeoutException) {
                throw timeLimit(pageNo);
            }
            if (cause instanceof OutOfMemoryError) {
                throw new UnreadableBulletinException(Reason.DAMAGED, "page " + pageNo + " is too large to read by OCR (out of memory)");
            }
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new UnreadableBulletinException(Reason.DAMAGED, "page " + pageNo + " cannot be read by OCR: "
                    + message.replaceAll("\\s+", " ").trim(), cause);
        }
        return new Result(lines(ocr, pageNo, 1 / scale), ocr.confidence());
    }

    /**
     * Whether the page carries an image as large as the page at scan resolution (at least {@value #SCAN_DPI} dpi across
     * its width): a scanner's page, to which its software may have added a line of text (a page number, a stamp).
     */
    static boolean hasPageImage(PDPage page) {
        PDResources resources = page.getResources();
        if (resources == null) {
            return false;
        }
        float widthInches = page.getCropBox().getWidth() / 72f;
        for (COSName name : resources.getXObjectNames()) {
            try {
                if (resources.getXObject(name) instanceof PDImageXObject image && image.getWidth() >= SCAN_DPI * widthInches) {
                    return true;
                }
            } catch (IOException e) {
                // an image that cannot be read is no evidence either way
            }
        }
        return false;
    }

    private UnreadableBulletinException timeLimit(int pageNo) {
        return new UnreadableBulletinException(Reason.DAMAGED, "page " + pageNo + " not read: OCR took longer than the page time limit of "
                + (settings.pageTimeout().toMillis() < 1000 ? settings.pageTimeout().toMillis() + " ms" : settings.pageTimeout().toSeconds() + " s"));
    }

    private static List<TextLine> lines(OcrPage ocr, int pageNo, double pointsPerPixel) {
        List<TextLine> lines = new ArrayList<>();
        float previousY = 0;
        for (OcrLine line : ocr.lines()) {
            String text = OcrPunctuation.fold(TextNormalizer.normalize(line.text())).strip();
            if (text.isEmpty()) {
                continue;
            }
            float y = (float) (line.bottom() * pointsPerPixel);
            float height = (float) ((line.bottom() - line.top()) * pointsPerPixel);
            lines.add(new TextLine(pageNo, (float) (line.left() * pointsPerPixel), (float) (line.right() * pointsPerPixel),
                    y, height, height, false, lines.isEmpty() ? 0 : y - previousY, text));
            previousY = y;
        }
        return lines;
    }

    /** Refuses image XObjects (also inside forms, a few levels deep) claiming more pixels than any real scan has. */
    private static void refuseBombs(PDResources resources, int pageNo, int depth) throws UnreadableBulletinException {
        if (resources == null || depth > 3) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object;
            try {
                object = resources.getXObject(name);
            } catch (IOException e) {
                continue; // rendering reports it
            }
            if (object instanceof PDImageXObject image && (long) image.getWidth() * image.getHeight() > MAX_IMAGE_PIXELS) {
                throw new UnreadableBulletinException(Reason.DAMAGED, "page " + pageNo + " not read: its image of "
                        + image.getWidth() + " × " + image.getHeight() + " pixels is larger than any scan (limit "
                        + MAX_IMAGE_PIXELS / 1_000_000 + " million pixels)");
            }
            if (object instanceof PDFormXObject form) {
                refuseBombs(form.getResources(), pageNo, depth + 1);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
