package com.bulletiningest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.text.TextPosition;

/**
 * Puts a page's glyphs in reading order when its body is set in two columns: the page is cut into bands top down;
 * a band where a vertical gutter parts the text reads its left column, then its right one; anything across the
 * gutter (a heading over both columns, a table row, a full-width paragraph) is a band of its own, read as it is.
 * <p>
 * The gutter is the x in the middle of the page where most lines end just left of it and most begin just right of it,
 * none running over it. A row with gaps of its own on a side (a table row: gaps between its cells) is not in a column.
 * A page with too few such lines is one column.
 */
final class ReadingOrder {

    /** Rows with text on both sides of the gutter that make a page two columns: at least this many and this share. */
    private static final int MIN_TWO_SIDED_ROWS = 5;
    private static final float MIN_TWO_SIDED_SHARE = 0.3f;
    /** A column line ends (or starts) this many glyph heights or less from the gutter. */
    private static final float NEAR_EDGE_HEIGHTS = 3f;
    /** The gutter lies in the middle of the text width, not within this share of either edge. */
    private static final float GUTTER_WINDOW = 0.28f;
    /** A gap this many glyph heights wide parts cells or columns; blanks between words are narrower. */
    private static final float GAP_HEIGHTS = 1.0f;
    /** A row set this much larger than the page's usual size, alone on its side, is a heading across both columns. */
    private static final float HEADING_SIZE = 1.15f;

    private ReadingOrder() {
    }

    /**
     * A run of glyphs read on its own (a column of a band, or a band across the page), and how far right of the
     * first column it starts.
     */
    record Article(List<TextPosition> glyphs, float columnOffset) {
    }

    /** The page's glyphs as articles read one after the other: a single one unless the page has columns. */
    static List<Article> articles(List<TextPosition> glyphs) {
        List<Row> rows = rows(glyphs);
        if (rows.size() < MIN_TWO_SIDED_ROWS) {
            return List.of(new Article(glyphs, 0));
        }
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (Row row : rows) {
            left = Math.min(left, row.left());
            right = Math.max(right, row.right());
        }
        float width = right - left;
        float gutter = Float.NaN;
        int best = 0;
        for (float x = left + GUTTER_WINDOW * width; x <= right - GUTTER_WINDOW * width; x += 1f) {
            int endingLeft = 0;
            int startingRight = 0;
            for (Row row : rows) {
                if (!row.covers(x)) {
                    endingLeft += row.endsNear(x) ? 1 : 0;
                    startingRight += row.startsNear(x) ? 1 : 0;
                }
            }
            int sides = Math.min(endingLeft, startingRight);
            if (sides > best) {
                best = sides;
                gutter = x;
            }
        }
        if (best < MIN_TWO_SIDED_ROWS || best < MIN_TWO_SIDED_SHARE * rows.size() / 2) {
            return List.of(new Article(glyphs, 0));
        }
        return bands(rows, gutter, typicalSize(rows));
    }

    private static List<Article> bands(List<Row> rows, float gutter, float typicalSize) {
        List<Article> articles = new ArrayList<>();
        List<TextPosition> leftColumn = new ArrayList<>();
        List<TextPosition> rightColumn = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (acrossColumns(rows, i, gutter, typicalSize)) {
                flush(articles, leftColumn, rightColumn);
                articles.add(new Article(new ArrayList<>(row.glyphs), 0));
                continue;
            }
            for (TextPosition glyph : row.glyphs) {
                (glyph.getXDirAdj() + glyph.getWidthDirAdj() / 2 < gutter ? leftColumn : rightColumn).add(glyph);
            }
        }
        flush(articles, leftColumn, rightColumn);
        return articles;
    }

    /** A row across the gutter, a table row, or a larger heading on one side with nothing beside it. */
    private static boolean acrossColumns(List<Row> rows, int i, float gutter, float typicalSize) {
        Row row = rows.get(i);
        if (row.covers(gutter) || row.hasGapOnEitherSide(gutter)) {
            return true;
        }
        if (row.size() < HEADING_SIZE * typicalSize || row.right() > gutter && row.left() < gutter) {
            return false;
        }
        // nothing on the other side beside it
        boolean onLeft = row.right() <= gutter;
        float top = row.y - row.height() * 1.2f;
        float bottom = row.y + row.height() * 0.3f;
        for (Row other : rows) {
            if (other.y >= top && other.y <= bottom && (onLeft ? other.right() > gutter : other.left() < gutter)) {
                return false;
            }
        }
        return true;
    }

    private static void flush(List<Article> articles, List<TextPosition> left, List<TextPosition> right) {
        if (!left.isEmpty()) {
            articles.add(new Article(new ArrayList<>(left), 0));
        }
        if (!right.isEmpty()) {
            float offset = left.isEmpty() ? 0 : start(right) - start(left);
            articles.add(new Article(new ArrayList<>(right), offset));
        }
        left.clear();
        right.clear();
    }

    private static float start(List<TextPosition> column) {
        return (float) column.stream().filter(g -> !g.getUnicode().isBlank()).mapToDouble(TextPosition::getXDirAdj).min().orElse(0);
    }

    private static float typicalSize(List<Row> rows) {
        float[] sizes = new float[rows.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = rows.get(i).size();
        }
        Arrays.sort(sizes);
        return sizes[sizes.length / 2];
    }

    /** Glyphs on one baseline, top down; blanks count for no geometry. */
    private static List<Row> rows(List<TextPosition> glyphs) {
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj));
        List<Row> rows = new ArrayList<>();
        Row current = null;
        for (TextPosition glyph : sorted) {
            float tolerance = Math.max(1f, glyph.getHeightDir() * 0.3f);
            if (current == null || Math.abs(glyph.getYDirAdj() - current.y) > tolerance) {
                current = new Row(glyph.getYDirAdj());
                rows.add(current);
            }
            current.glyphs.add(glyph);
        }
        rows.removeIf(row -> row.inked().isEmpty());
        return rows;
    }

    private static final class Row {
        final float y;
        final List<TextPosition> glyphs = new ArrayList<>();
        private List<float[]> spans;

        Row(float y) {
            this.y = y;
        }

        List<TextPosition> inked() {
            return glyphs.stream().filter(g -> !g.getUnicode().isBlank()).toList();
        }

        /** The row's inked extents left to right, glyphs closer than a gap joined. */
        List<float[]> spans() {
            if (spans == null) {
                List<TextPosition> inked = new ArrayList<>(inked());
                inked.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
                spans = new ArrayList<>();
                for (TextPosition g : inked) {
                    float from = g.getXDirAdj();
                    float to = from + g.getWidthDirAdj();
                    float[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                    if (last != null && from - last[1] < GAP_HEIGHTS * Math.max(g.getHeightDir(), 1f)) {
                        last[1] = Math.max(last[1], to);
                    } else {
                        spans.add(new float[] {from, to});
                    }
                }
            }
            return spans;
        }

        float left() {
            return spans().get(0)[0];
        }

        float right() {
            return spans().get(spans().size() - 1)[1];
        }

        float size() {
            return (float) inked().stream().mapToDouble(TextPosition::getFontSizeInPt).max().orElse(0);
        }

        boolean covers(float x) {
            return spans().stream().anyMatch(s -> s[0] < x && s[1] > x);
        }

        /** Text on both sides of x and none over it, each side one span: two column lines side by side. */
        /** A column line left of x: one span ending within a few glyphs of it (justified to the column's edge). */
        boolean endsNear(float x) {
            List<float[]> left = spans().stream().filter(s -> s[1] <= x).toList();
            return left.size() == 1 && x - left.get(0)[1] < NEAR_EDGE_HEIGHTS * height();
        }

        /** A column line right of x: one span starting within a few glyphs of it. */
        boolean startsNear(float x) {
            List<float[]> right = spans().stream().filter(s -> s[0] >= x).toList();
            return right.size() == 1 && right.get(0)[0] - x < NEAR_EDGE_HEIGHTS * height();
        }

        float height() {
            return (float) inked().stream().mapToDouble(TextPosition::getHeightDir).max().orElse(1);
        }

        boolean hasGapOnEitherSide(float x) {
            return spans().stream().filter(s -> s[1] <= x).count() > 1 || spans().stream().filter(s -> s[0] >= x).count() > 1;
        }
    }
}
