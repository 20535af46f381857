package com.bulletiningest.split;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.bulletiningest.extract.TextLine;

/**
 * The text block of a bulletin as measured from its lines: the left margin where unindented lines start, the right
 * edge that wrapped lines reach, the usual line pitch and whether bold is the exception. Titles start at the margin; a
 * line reaching the right edge was wrapped; more space above a line or bold type sets a line apart.
 */
final class Layout {

    /** Less than half a CJK character: one space of indentation is already more. */
    private static final float MARGIN_TOLERANCE = 1.5f;
    /**
     * On a page read by OCR a line's left edge is where its first glyph's ink starts, a point or two right of where
     * its glyph box would (「1」 or 「一」 start late), and a skew left after deskewing moves it a little more; still
     * well under one CJK character of indentation.
     */
    private static final float SCANNED_MARGIN_TOLERANCE = 4f;
    /** Wrapping by characters leaves lines of mixed CJK/Latin text short of the edge by up to this share of the width. */
    private static final float FULL_SHARE = 0.85f;

    /** Bold marks something only where most lines are not bold. */
    private static final float BOLD_SHARE = 0.5f;
    /** A line this much further below the one above than the usual line pitch starts a new block. */
    private static final float BLOCK_GAP = 1.2f;

    /** A paragraph's first-line indent lies this many font sizes or less right of the margin. */
    private static final float MAX_INDENT_SIZES = 4f;

    private final float left;
    private final float right;
    private final boolean boldStandsOut;
    private final float pitch;
    /** Where indented paragraphs start (NaN when none is): 公文 titles and list-numbered titles start there. */
    private final float indent;
    private final boolean titlesIndented;

    private final Set<Integer> scannedPages;

    private Layout(float left, float right, boolean boldStandsOut, float pitch, float indent, boolean titlesIndented,
                   Set<Integer> scannedPages) {
        this.scannedPages = scannedPages;
        this.left = left;
        this.right = right;
        this.boldStandsOut = boldStandsOut;
        this.pitch = pitch;
        this.indent = indent;
        this.titlesIndented = titlesIndented;
    }

    /** This layout with titles starting where indented paragraphs start instead of at the margin. */
    Layout withTitlesIndented() {
        return new Layout(left, right, boldStandsOut, pitch, indent, true, scannedPages);
    }

    boolean hasIndent() {
        return !Float.isNaN(indent);
    }

    /** Whether the line starts where this document's titles start: the margin, or the paragraph indent. */
    boolean atTitleStart(TextLine line) {
        return titlesIndented ? atIndent(line) : atMargin(line);
    }

    boolean atIndent(TextLine line) {
        return hasIndent() && Math.abs(line.columnX() - indent) <= MARGIN_TOLERANCE;
    }

    /** Whether the line starts right of the margin: a paragraph's first line, never the wrapped rest of one. */
    boolean isIndented(TextLine line) {
        return line.columnX() > left + MARGIN_TOLERANCE;
    }

    /** @param scannedPages the pages whose lines OCR read (their positions are measured from ink) */
    static Layout of(List<TextLine> lines, Set<Integer> scannedPages) {
        Map<Integer, Integer> starts = new HashMap<>();
        for (TextLine line : lines) {
            starts.merge(Math.round(line.columnX() * 2), 1, Integer::sum);
        }
        int mode = starts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
        float left = lines.stream().map(TextLine::columnX).filter(x -> Math.abs(x - mode / 2f) <= 1f).min(Float::compare).orElse(mode / 2f);
        // lines read in columns reach their column's edge; the text block's edge is measured from those across the page
        List<TextLine> across = lines.stream().filter(l -> l.columnWidth() == 0).toList();
        float[] ends = new float[across.size()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = across.get(i).columnEndX();
        }
        java.util.Arrays.sort(ends);
        float right = ends.length == 0 ? left : ends[(int) Math.floor((ends.length - 1) * 0.95)];
        right = Math.max(right, left + (float) lines.stream().mapToDouble(TextLine::columnWidth).max().orElse(0));
        long bold = lines.stream().filter(TextLine::bold).count();
        float[] pitches = new float[lines.size()];
        int n = 0;
        for (TextLine line : lines) {
            if (line.lineHeight() > 0) {
                pitches[n++] = line.lineHeight();
            }
        }
        java.util.Arrays.sort(pitches, 0, n);
        float pitch = n == 0 ? 0 : pitches[n / 2];
        return new Layout(left, Math.max(right, left + 1), bold < BOLD_SHARE * lines.size(), pitch, indent(lines, left), false,
                Set.copyOf(scannedPages));
    }

    /** The most common start of lines a little right of the margin (by up to a few characters). */
    private static float indent(List<TextLine> lines, float left) {
        Map<Integer, Integer> starts = new HashMap<>();
        for (TextLine line : lines) {
            float by = line.columnX() - left;
            if (by > MARGIN_TOLERANCE && by <= MAX_INDENT_SIZES * line.fontSize()) {
                starts.merge(Math.round(line.columnX() * 2), 1, Integer::sum);
            }
        }
        return starts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() / 2f).orElse(Float.NaN);
    }

    boolean atMargin(TextLine line) {
        return line.columnX() <= left + (isScanned(line) ? SCANNED_MARGIN_TOLERANCE : MARGIN_TOLERANCE);
    }

    /** Whether OCR read the line from a scanned page. */
    boolean isScanned(TextLine line) {
        return scannedPages.contains(line.page());
    }

    boolean isFull(TextLine line) {
        return line.columnEndX() >= left + FULL_SHARE * width(line);
    }

    /** How wide the line's text block is: its column's width, or the text block's across the page. */
    private float width(TextLine line) {
        return line.columnWidth() > 0 ? line.columnWidth() : right - left;
    }

    /** Whether the line is set bold in a text where bold is the exception (titles, headings). */
    boolean standsOutBold(TextLine line) {
        return boldStandsOut && line.bold();
    }

    /** Whether more space than the usual line pitch lies above the line (space before a paragraph or title). */
    boolean hasSpaceAbove(TextLine line) {
        return pitch > 0 && line.lineHeight() > BLOCK_GAP * pitch;
    }

    /** A line filling less than this share of the width is short: labels, headings, the end of a paragraph. */
    boolean isShorterThan(TextLine line, float share) {
        return line.columnEndX() - left < share * width(line);
    }
}
