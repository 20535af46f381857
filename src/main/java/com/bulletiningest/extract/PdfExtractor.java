package com.bulletiningest.extract;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.bulletiningest.extract.UnreadableBulletinException.Reason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * Reads a bulletin PDF in one PDFBox parse: positioned text lines and URI link annotations.
 * <p>
 * A PDF encrypted with an owner password only (no password needed to open it, as viewers do) is read like any other:
 * the bulletin is ours to split, and its permissions concern editing and printing. A PDF that needs a user password
 * is refused as {@link Reason#ENCRYPTED}.
 */
public class PdfExtractor {

    /** The PDF header may follow some leading bytes; readers look for it in the first kilobyte. */
    private static final int HEADER_WINDOW = 1024;
    /** A complete PDF ends with %%EOF, possibly followed by a line end or some padding. */
    private static final int TRAILER_WINDOW = 1024;

    public ExtractedPdf extract(byte[] pdf) throws UnreadableBulletinException {
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
            LineCollector collector = new LineCollector(RepeatedMarks.find(document));
            collector.writeText(document, new StringWriter());
            List<TextLine> lines = collector.lines();
            if (lines.isEmpty()) {
                throw new UnreadableBulletinException(Reason.NO_TEXT,
                        "no text layer: the PDF has " + document.getNumberOfPages() + " page(s) but no extractable text (scanned or image-only)");
            }
            return new ExtractedPdf(document.getNumberOfPages(), lines, links(document));
        } catch (InvalidPasswordException e) {
            throw new UnreadableBulletinException(Reason.ENCRYPTED, "encrypted PDF: it needs a password to open", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableBulletinException(Reason.DAMAGED, "damaged PDF: " + oneLine(e), e);
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
