package com.bulletiningest.extract.ocr;

/**
 * A detected text region: a parallelogram (in practice a rotated rectangle) in page-image pixels, spanned from its
 * top-left corner by {@code along} (the reading direction) and {@code across} (downwards, across the line).
 */
record TextBox(double x0, double y0, double alongX, double alongY, double acrossX, double acrossY, double score) {

    double length() {
        return Math.hypot(alongX, alongY);
    }

    double thickness() {
        return Math.hypot(acrossX, acrossY);
    }

    /** The angle of the reading direction, in radians, positive when the line descends to the right. */
    double angle() {
        return Math.atan2(alongY, alongX);
    }

    /** The same region seen from its opposite corner: a crop of it comes out turned by 180°. */
    TextBox turned() {
        return new TextBox(x0 + alongX + acrossX, y0 + alongY + acrossY, -alongX, -alongY, -acrossX, -acrossY, score);
    }

    /** This region in an image turned by 180° whose size is {@code width} × {@code height}. */
    TextBox inTurnedImage(int width, int height) {
        TextBox t = turned();
        return new TextBox(width - t.x0, height - t.y0, -t.alongX, -t.alongY, -t.acrossX, -t.acrossY, score);
    }
}
