package com.bulletiningest.extract.ocr;

/**
 * One visual line read by OCR, in pixels of the upright, deskewed page image: the ink's left and right edges, its top
 * and bottom (the bottom is about the baseline of CJK text), and the mean probability of its characters.
 */
public record OcrLine(String text, double left, double top, double right, double bottom, float confidence) {

    double height() {
        return bottom - top;
    }
}
