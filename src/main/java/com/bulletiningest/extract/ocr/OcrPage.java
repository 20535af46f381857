package com.bulletiningest.extract.ocr;

import java.util.List;

/**
 * What OCR read on one page image: its lines top down, whether the page was turned upright first, and its skew.
 *
 * @param skewDegrees the page's text direction against the horizontal, positive when lines descend to the right
 */
public record OcrPage(List<OcrLine> lines, boolean turned, double skewDegrees) {

    public OcrPage {
        lines = List.copyOf(lines);
    }

    /** The mean character probability over the page's lines, weighted by their length; 0 for no text. */
    public float confidence() {
        double sum = 0;
        int chars = 0;
        for (OcrLine line : lines) {
            sum += line.confidence() * line.text().length();
            chars += line.text().length();
        }
        return chars == 0 ? 0 : (float) (sum / chars);
    }
}
