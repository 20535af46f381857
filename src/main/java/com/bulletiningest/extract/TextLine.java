package com.bulletiningest.extract;

/**
 * One visual line of a PDF page as read, in top-down page coordinates.
 *
 * @param page   page number, from 1
 * @param x      left edge of the first glyph (indentation shows here)
 * @param endX   right edge of the last glyph (how far the line fills the text width)
 * @param y      baseline, measured from the top of the page
 * @param height glyph height of the line's first glyph (about the font size)
 * @param text   the normalised text, leading and trailing blanks removed
 */
public record TextLine(int page, float x, float endX, float y, float height, String text) {

    /** Whether the box (top-down coordinates) covers this line's baseline area. */
    public boolean isCoveredBy(float left, float top, float right, float bottom) {
        float middle = y - height / 2;
        return middle >= top && middle <= bottom && endX > left && x < right;
    }
}
