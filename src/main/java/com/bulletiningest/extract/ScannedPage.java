package com.bulletiningest.extract;

/**
 * A page whose text was read by OCR rather than from the PDF's text layer.
 *
 * @param page       page number, from 1
 * @param confidence the mean probability of its recognised characters (0…1)
 * @param why        why the page was read by OCR (no text layer, an unusable one, another OCR's layer)
 */
public record ScannedPage(int page, float confidence, String why) {
}
