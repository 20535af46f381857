package com.bulletiningest.extract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one parse of a bulletin PDF gives: its text lines in reading order (page by page, top down) and its URI link
 * annotations in each page's annotation-list order.
 */
public record ExtractedPdf(int pages, List<TextLine> lines, List<LinkAnnotation> links) {

    public ExtractedPdf {
        lines = List.copyOf(lines);
        links = List.copyOf(links);
    }

    /** The full text, one line per visual line, for storage and search. */
    public String text() {
        return lines.stream().map(TextLine::text).collect(Collectors.joining("\n"));
    }
}
