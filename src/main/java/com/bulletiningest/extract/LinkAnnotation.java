package com.bulletiningest.extract;

/**
 * A URI link annotation of a page, its rectangle converted to top-down page coordinates.
 *
 * @param page  page number, from 1
 * @param uri   the target of the link's URI action
 * @param left  left edge
 * @param top   top edge, measured from the top of the page
 * @param right right edge
 * @param bottom bottom edge, measured from the top of the page
 */
public record LinkAnnotation(int page, String uri, float left, float top, float right, float bottom) {

    public boolean covers(TextLine line) {
        return line.page() == page && line.isCoveredBy(left, top, right, bottom);
    }
}
