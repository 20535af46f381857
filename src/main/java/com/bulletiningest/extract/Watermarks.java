package com.bulletiningest.extract;

import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Tells watermark glyphs (内部资料 注意保存 across the page) from the page's text by how they are set: turned by an
 * angle no text line has (the text matrix), or drawn see-through.
 */
final class Watermarks {

    /** Text runs along or across the page; anything turned more than this from a right angle is a stamp. */
    private static final double SKEW_DEGREES = 3;
    /** Fill opacity below this is a mark behind or over the text, not text to read. */
    private static final float SEE_THROUGH = 0.6f;

    private Watermarks() {
    }

    static boolean isWatermark(TextPosition glyph, PDGraphicsState state) {
        return isSkewed(glyph.getTextMatrix()) || state != null && state.getNonStrokeAlphaConstant() < SEE_THROUGH;
    }

    static boolean isSkewed(Matrix matrix) {
        double degrees = Math.toDegrees(Math.atan2(matrix.getShearY(), matrix.getScaleX()));
        double offRightAngle = Math.abs(degrees - 90 * Math.round(degrees / 90));
        return offRightAngle > SKEW_DEGREES;
    }
}
