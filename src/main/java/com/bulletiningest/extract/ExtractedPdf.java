package com.bulletiningest.extract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one parse of a bulletin PDF gives: its text lines in reading order (page by page, top down), its URI link
 * annotations in each page's annotation-list order, and the pages whose lines were read by OCR.
 */
public record ExtractedPdf(int pages, List<TextLine> lines, List<LinkAnnotation> links, List<ScannedPage> scanned) {

    public ExtractedPdf {
        lines = List.copyOf(lines);
        links = List.copyOf(links);
        scanned = List.copyOf(scanned);
    }

    /** A PDF read from its text layer alone. */
    public ExtractedPdf(int pages, List<TextLine> lines, List<LinkAnnotation> links) {
        this(pages, lines, links, List.of());
    }

    /** The scan record of a page, or null when the page was read from its text layer. */
    public ScannedPage scanned(int page) {
        return scanned.stream().filter(s -> s.page() == page).findFirst().orElse(null);
    }

    /** The full text, one line per visual line, for storage and search. */
    public String text() {
        return lines.stream().map(TextLine::text).collect(Collectors.joining("\n"));
    }
}
