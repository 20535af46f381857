package com.bulletiningest.extract;

import java.util.List;

/**
 * One visual line of a PDF page as read, in top-down page coordinates, with what the PDF says about how it is set (which
 * link annotations lie over it the splitter finds from {@link ExtractedPdf#links()}, with some tolerance for
 * rectangles drawn off their line).
 *
 * @param page       page number, from 1
 * @param x          left edge of the first glyph (indentation shows here)
 * @param endX       right edge of the last glyph (how far the line fills the text width)
 * @param y          baseline, measured from the top of the page (a table row's: its last line's)
 * @param height     glyph height of the line's first glyph (about the font size; a table row's: all its lines')
 * @param fontSize   the largest font size on the line, in points (headings are set larger)
 * @param bold       whether the line starts in a bold font (by the font's name, weight or flags): titles often do
 * @param lineHeight baseline distance to the line above on the same page, 0 for a page's first line (space before a
 *                   paragraph or heading shows here)
 * @param text       the normalised text, leading and trailing blanks removed
 * @param columnOffset how far right of the page's first column the column this line was read in starts (0 on a page
 *                     in one column and in the first column): {@code x - columnOffset} is the line's indent as if the
 *                     columns stood one under the other
 * @param columnWidth how wide the text column this line was read in is, from its start to the edge its full lines
 *                    reach (0 for a line read across the page: its width is the text block's, which the splitter
 *                    measures); a page going from one column to two and three has lines of each width
 * @param boldChars  how many characters of {@code text}, from its start, are set bold (a bold run-in title ends there)
 * @param cells      for a table row, its cells' texts left to right (a cell's wrapped lines joined; {@code text} is
 *                   them joined by blanks); empty for a line outside tables
 */
public record TextLine(int page, float x, float endX, float y, float height, float fontSize, boolean bold,
                       float lineHeight, String text, float columnOffset, float columnWidth, int boldChars,
                       List<String> cells) {

    public TextLine {
        cells = List.copyOf(cells);
    }

    /** A line of a page in one column, bold throughout or not at all. */
    public TextLine(int page, float x, float endX, float y, float height, float fontSize, boolean bold,
                    float lineHeight, String text) {
        this(page, x, endX, y, height, fontSize, bold, lineHeight, text, 0, 0, bold ? text.length() : 0, List.of());
    }

    /** Whether the line is a table row read cell by cell. */
    public boolean isTableRow() {
        return !cells.isEmpty();
    }

    /** Where the line starts as if the columns stood one under the other (the page's x in one column). */
    public float columnX() {
        return x - columnOffset;
    }

    /** Where the line ends as if the columns stood one under the other. */
    public float columnEndX() {
        return endX - columnOffset;
    }

    /** Whether the line starts bold and turns regular before its end: a run-in title and its text. */
    public boolean runsIn() {
        return boldChars > 0 && boldChars < text.length();
    }

    /** Whether the box (top-down coordinates) covers this line's baseline area. */
    public boolean isCoveredBy(float left, float top, float right, float bottom) {
        if (isTableRow()) {
            return top <= y && bottom >= y - height && endX > left && x < right; // over any line of the row
        }
        float middle = y - height / 2;
        return middle >= top && middle <= bottom && endX > left && x < right;
    }

}
