package com.bulletiningest.extract;

import java.time.Duration;

/**
 * How scanned pages are read.
 *
 * @param enabled     false restores the refusal of bulletins without a text layer
 * @param threads     pages read by OCR at a time across all bulletins (each on one core)
 * @param dpi         resolution pages are rendered at for OCR
 * @param pageTimeout time limit for reading one page
 */
public record OcrSettings(boolean enabled, int threads, int dpi, Duration pageTimeout) {

    public static final OcrSettings DEFAULTS = new OcrSettings(true, 1, 200, Duration.ofSeconds(60));
    public static final OcrSettings OFF = new OcrSettings(false, 1, 200, Duration.ofSeconds(60));

    public OcrSettings {
        if (threads < 1 || dpi < 72 || dpi > 600 || pageTimeout.isNegative() || pageTimeout.isZero()) {
            throw new IllegalArgumentException("OCR settings out of range: threads " + threads + ", dpi " + dpi
                    + ", page timeout " + pageTimeout);
        }
    }
}
