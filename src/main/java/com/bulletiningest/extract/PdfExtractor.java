package com.bulletiningest.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.bulletiningest.extract.UnreadableBulletinException.Reason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads a bulletin PDF in one PDFBox parse: positioned text lines and URI link annotations.
 * <p>
 * A PDF encrypted with an owner password only (no password needed to open it, as viewers do) is read like any other:
 * the bulletin is ours to split, and its permissions concern editing and printing. A PDF that needs a user password
 * is refused as {@link Reason#ENCRYPTED}.
 * <p>
 * A page without text, with a garbage text layer or with the spaced-out layer of another OCR ({@link TextLayer}) is
 * read by OCR ({@link PageOcr}); the other pages of the same bulletin keep their text layer. Without OCR
 * ({@code bulletin.ocr.enabled=false}) a bulletin without any text is refused as {@link Reason#NO_TEXT}.
 */
public class PdfExtractor {

    /** The PDF header may follow some leading bytes; readers look for it in the first kilobyte. */
    private static final int HEADER_WINDOW = 1024;
    /** A complete PDF ends with %%EOF, possibly followed by a line end or some padding. */
    private static final int TRAILER_WINDOW = 1024;

    private final PageOcr ocr;

    /** With OCR of scanned pages at the default settings. */
    public PdfExtractor() {
        this(new PageOcr(OcrSettings.DEFAULTS));
    }

    /** @param ocr reads scanned pages; null or disabled: scanned pages are not read */
    public PdfExtractor(PageOcr ocr) {
        this.ocr = ocr == null || !ocr.settings().enabled() ? null : ocr;
    }

    public ExtractedPdf extract(byte[] pdf) throws UnreadableBulletinException {
        return extract(pdf, null);
    }

    /** @param source how the bulletin is named in OCR progress lines of the log, or null */
    public ExtractedPdf extract(byte[] pdf, String source) throws UnreadableBulletinException {
        if (pdf == null || indexOf(pdf, "%PDF-", 0, Math.min(pdf.length, HEADER_WINDOW)) < 0) {
            throw new UnreadableBulletinException(Reason.NOT_PDF, "not a PDF file (no %PDF- header)");
        }
        if (indexOf(pdf, "%%EOF", Math.max(0, pdf.length - TRAILER_WINDOW), pdf.length) < 0) {
            throw new UnreadableBulletinException(Reason.DAMAGED, "damaged PDF: truncated (no %%EOF end marker)");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() == 0) {
                throw new UnreadableBulletinException(Reason.DAMAGED, "damaged PDF: no readable page");
            }
            LineCollector collector = LineCollector.read(document);
            int pages = document.getNumberOfPages();
            Map<Integer, List<TextLine>> byPage = new TreeMap<>();
            for (int p = 1; p <= pages; p++) {
                byPage.put(p, new ArrayList<>());
            }
            collector.lines().forEach(line -> byPage.get(line.page()).add(line));
            List<ScannedPage> scanned = new ArrayList<>();
            List<Integer> blank = new ArrayList<>();
            if (ocr != null) {
                String producer = document.getDocumentInformation().getProducer();
                PDFRenderer renderer = new PDFRenderer(document);
                renderer.setSubsamplingAllowed(true);
                OcrProgress.Tracker tracker = null;
                try {
                    for (int p = 1; p <= pages; p++) {
                        int[] glyphs = collector.glyphs(p);
                        String why = TextLayer.ocrReason(byPage.get(p), glyphs[0], glyphs[1], producer);
                        if (why == null && TextLayer.isSparse(byPage.get(p)) && PageOcr.hasPageImage(document.getPage(p - 1))) {
                            why = "scanned page with a few words of text";
                        }
                        if (why != null) {
                            tracker = tracker != null ? tracker : ocr.progress().track(source, pages);
                            PageOcr.Result read = ocr.read(renderer, document.getPage(p - 1), p, tracker);
                            byPage.put(p, read.lines());
                            if (read.lines().isEmpty()) {
                                blank.add(p);
                            } else {
                                scanned.add(new ScannedPage(p, read.confidence(), why));
                            }
                        }
                    }
                } finally {
                    if (tracker != null) {
                        tracker.close();
                    }
                }
            }
            List<TextLine> lines = byPage.values().stream().flatMap(List::stream).toList();
            if (lines.isEmpty()) {
                throw new UnreadableBulletinException(Reason.NO_TEXT, ocr == null
                        ? "no text layer: the PDF has " + pages + " page(s) but no extractable text (scanned or image-only)"
                        : "no text: the PDF has no text layer and OCR found no text on page(s) " + pageList(blank) + " (blank or unreadable scan)");
            }
            return new ExtractedPdf(pages, lines, links(document), scanned);
        } catch (InvalidPasswordException e) {
            throw new UnreadableBulletinException(Reason.ENCRYPTED, "encrypted PDF: it needs a password to open", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableBulletinException(Reason.DAMAGED, "damaged PDF: " + oneLine(e), e);
        }
    }

    /**
     * Whether OCR will read pages of this PDF, told quickly (no text is extracted): some page carries an image as
     * large as the page at scan resolution. False when OCR is off or the PDF cannot be opened ({@link #extract} then
     * says why). Pages whose text layer is garbage are not told here: they are found, and read, while extracting.
     */
    public boolean looksScanned(byte[] pdf) {
        // an image is a stream, and a stream's dictionary, which names its subtype, is never compressed: a PDF without
        // the name holds no image (most born-digital bulletins), told without parsing it
        if (ocr == null || pdf == null || indexOf(pdf, "/Image", 0, pdf.length) < 0) {
            return false;
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                if (PageOcr.hasPageImage(page)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<LinkAnnotation> links(PDDocument document) throws IOException {
        List<LinkAnnotation> links = new ArrayList<>();
        int pageNo = 0;
        for (PDPage page : document.getPages()) {
            pageNo++;
            float pageTop = page.getMediaBox().getUpperRightY();
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI action
                        && action.getURI() != null) {
                    PDRectangle r = link.getRectangle();
                    links.add(new LinkAnnotation(pageNo, action.getURI(), r.getLowerLeftX(), pageTop - r.getUpperRightY(),
                            r.getUpperRightX(), pageTop - r.getLowerLeftY()));
                }
            }
        }
        return links;
    }

    /** 1–3, 5 … */
    private static String pageList(List<Integer> pages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            int from = pages.get(i);
            int to = from;
            while (i + 1 < pages.size() && pages.get(i + 1) == to + 1) {
                to = pages.get(++i);
            }
            out.append(out.length() == 0 ? "" : ", ").append(from).append(from == to ? "" : "–" + to);
        }
        return out.toString();
    }

    private static int indexOf(byte[] data, String ascii, int from, int to) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
