package com.bulletiningest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.text.TextPosition;

/**
 * Finds tables among a page's rows and reads them row by row, cell by cell: a table is a run of rows with gaps
 * between cells at the same places (at least two rows of three cells or more), its columns start where the cells of
 * its fullest rows start, and a table row goes on over the lines of wrapped cells until a line has text in the first
 * column or stands further apart. A line that does not keep to the columns, or stands well apart, ends the table.
 */
final class TableFinder {

    private static final int MIN_COLUMNS = 3;
    private static final int MIN_FULL_ROWS = 2;
    /** How far left of its column's start a cell's text may start (centred headers start further right). */
    private static final float ALIGN = 3f;
    /** A line further below the one above than this many times the table's closest line pitch is not in the table. */
    private static final float MAX_PITCH = 1.5f;
    /** Further apart than this many times the closest pitch, a line starts the next table row. */
    private static final float NEW_ROW_PITCH = 1.15f;
    /** A gap between glyphs of a cell's line wider than this share of their height is a blank. */
    private static final float BLANK = 0.3f;

    /** A table: rows {@code from} to {@code to} (exclusive) of the page, read as table rows, and where its columns start. */
    record Table(int from, int to, List<Row> rows, float[] starts) {
    }

    /** A table row: its cells' texts (wrapped lines joined), its extent and the baseline of its last line. */
    record Row(List<String> cells, float x, float endX, float top, float lastY, float fontSize) {
    }

    private TableFinder() {
    }

    /**
     * The table starting at row {@code i}, or null; {@code carried} are the columns of a table that ended the page
     * before (or null), which the first row of this page may go on with.
     */
    static Table at(List<GlyphRow> rows, int i, float[] carried) {
        boolean goesOn = i == 0 && carried != null && rows.get(0).spans().size() >= 2 && keepsTo(rows.get(0), carried);
        if (!goesOn && rows.get(i).spans().size() < MIN_COLUMNS) {
            return null;
        }
        int to = i + 1;
        float pitch = Float.MAX_VALUE;
        float[] starts = goesOn ? carried : starts(rows.get(i));
        while (to < rows.size()) {
            GlyphRow row = rows.get(to);
            float gap = row.y - rows.get(to - 1).y;
            float[] widened = row.spans().size() >= starts.length ? leftmost(starts, starts(row)) : starts;
            if (pitch != Float.MAX_VALUE && gap > MAX_PITCH * pitch || !keepsTo(row, widened)) {
                break;
            }
            starts = widened;
            pitch = Math.min(pitch, gap);
            to++;
        }
        long full = rows.subList(i, to).stream().filter(r -> r.spans().size() >= MIN_COLUMNS).count();
        if (!goesOn && full < MIN_FULL_ROWS || starts.length < MIN_COLUMNS) {
            return null;
        }
        return new Table(i, to, cells(rows.subList(i, to), starts, pitch), starts);
    }

    private static float[] starts(GlyphRow row) {
        float[] starts = new float[row.spans().size()];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = row.spans().get(k)[0];
        }
        return starts;
    }

    private static float[] leftmost(float[] a, float[] b) {
        if (a.length != b.length) {
            return b.length > a.length ? b : a;
        }
        float[] min = Arrays.copyOf(a, a.length);
        for (int k = 0; k < min.length; k++) {
            min[k] = Math.min(a[k], b[k]);
        }
        return min;
    }

    /** Whether each span of the row lies within one column. */
    private static boolean keepsTo(GlyphRow row, float[] starts) {
        for (float[] span : row.spans()) {
            int column = column(span[0], starts);
            if (column < 0 || column + 1 < starts.length && span[1] > starts[column + 1]) {
                return false;
            }
        }
        return true;
    }

    private static int column(float x, float[] starts) {
        int column = -1;
        for (int k = 0; k < starts.length; k++) {
            if (x >= starts[k] - ALIGN) {
                column = k;
            }
        }
        return column;
    }

    private static List<Row> cells(List<GlyphRow> lines, float[] starts, float pitch) {
        List<Row> table = new ArrayList<>();
        StringBuilder[] cells = null;
        GlyphRow first = null;
        float endX = 0;
        float bottom = 0;
        float lastY = Float.NaN;
        for (GlyphRow line : lines) {
            boolean firstColumn = line.spans().get(0)[0] < starts[Math.min(1, starts.length - 1)] - ALIGN;
            if (cells == null || firstColumn || line.y - lastY > NEW_ROW_PITCH * pitch) {
                if (cells != null) {
                    table.add(row(cells, first, endX, bottom));
                }
                cells = new StringBuilder[starts.length];
                for (int k = 0; k < cells.length; k++) {
                    cells[k] = new StringBuilder();
                }
                first = line;
                endX = 0;
            }
            endX = Math.max(endX, line.right());
            bottom = line.y;
            List<TextPosition> glyphs = new ArrayList<>(line.inked());
            glyphs.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
            TextPosition[] previous = new TextPosition[starts.length];
            for (TextPosition glyph : glyphs) {
                int k = Math.max(0, column(glyph.getXDirAdj(), starts));
                append(cells[k], previous[k], glyph);
                previous[k] = glyph;
            }
            lastY = line.y;
        }
        if (cells != null) {
            table.add(row(cells, first, endX, bottom));
        }
        return table;
    }

    private static Row row(StringBuilder[] cells, GlyphRow first, float endX, float lastY) {
        List<String> texts = Arrays.stream(cells).map(TableFinder::cellText).toList();
        return new Row(texts, first.left(), endX, first.y - first.height(), lastY, first.size());
    }

    /** Adds a glyph to a cell's text, after a blank where it stands apart from the glyph before it on its line (or null). */
    static void append(StringBuilder cell, TextPosition before, TextPosition glyph) {
        if (before != null && glyph.getXDirAdj() - before.getXDirAdj() - before.getWidthDirAdj() > BLANK * glyph.getHeightDir()) {
            cell.append(' ');
        }
        cell.append(glyph.getUnicode());
    }

    static String cellText(StringBuilder cell) {
        return TextNormalizer.normalize(cell.toString()).strip();
    }
}
