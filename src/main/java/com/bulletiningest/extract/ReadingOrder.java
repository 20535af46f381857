package com.bulletiningest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.text.TextPosition;

/**
 * Puts a page's glyphs in reading order: the page is cut into bands top down; a band where a vertical gutter parts
 * the text reads its left column, then its right one; anything across the gutter (a heading over both columns, a
 * full-width paragraph) is a band of its own, read as it is; a table, by its ruling lines ({@link RuledTable}) or by
 * its gaps ({@link TableFinder}), is read row by row.
 * <p>
 * The gutter is the x in the middle of the page where most lines end just left of it and most begin just right of it,
 * none running over it. A row with gaps of its own on a side (a table row: gaps between its cells) is not in a column.
 * A page with too few such lines is one column, unless it opens with the columns the page before ended with.
 */
final class ReadingOrder {

    /** Rows with text on both sides of the gutter that make a page two columns: at least this many and this share. */
    private static final int MIN_TWO_SIDED_ROWS = 5;
    private static final float MIN_TWO_SIDED_SHARE = 0.3f;
    /** The gutter lies in the middle of the text width, not within this share of either edge. */
    private static final float GUTTER_WINDOW = 0.28f;
    /** A row set this much larger than the page's usual size, alone on its side, is a heading across both columns. */
    private static final float HEADING_SIZE = 1.15f;

    private ReadingOrder() {
    }

    /**
     * A run of glyphs read on its own (a column of a band, or a band across the page) and how far right of the first
     * column it starts; or a table's rows of cell texts.
     */
    record Article(List<TextPosition> glyphs, float columnOffset, TableFinder.Table table) {
    }

    /**
     * A page in reading order, and what the next page may go on with: the gutter of its columns (NaN for none), the
     * column starts of the table that ends it (null for none).
     */
    record Page(List<Article> articles, float gutter, float[] tableColumns) {

        static final Page NONE = new Page(List.of(), Float.NaN, null);
    }

    /**
     * The page's glyphs as articles read one after the other, going on with the page before where it ended so;
     * {@code ruled} are the tables the page's rules draw.
     */
    static Page read(List<TextPosition> glyphs, Page before, List<RuledTable> ruled) {
        List<GlyphRow> rows = GlyphRow.of(glyphs);
        if (rows.isEmpty()) {
            return new Page(List.of(new Article(glyphs, 0, null)), Float.NaN, null);
        }
        float gutter = gutter(rows.stream().filter(row -> ruled.stream().noneMatch(t -> t.holds(row))).toList());
        boolean onlyAtTop = false;
        if (Float.isNaN(gutter) && !Float.isNaN(before.gutter()) && rows.get(0).bothSidesOf(before.gutter())) {
            gutter = before.gutter(); // the columns of the page before go on at the top of this one
            onlyAtTop = true;
        }
        List<Article> articles = bands(rows, gutter, onlyAtTop, typicalSize(rows), before.tableColumns(), ruled);
        Article last = articles.get(articles.size() - 1);
        return new Page(articles, onlyAtTop ? Float.NaN : gutter, last.table() == null ? null : last.table().starts());
    }

    private static float gutter(List<GlyphRow> rows) {
        if (rows.size() < MIN_TWO_SIDED_ROWS) {
            return Float.NaN;
        }
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (GlyphRow row : rows) {
            left = Math.min(left, row.left());
            right = Math.max(right, row.right());
        }
        float width = right - left;
        float gutter = Float.NaN;
        int best = 0;
        for (float x = left + GUTTER_WINDOW * width; x <= right - GUTTER_WINDOW * width; x += 1f) {
            int endingLeft = 0;
            int startingRight = 0;
            for (GlyphRow row : rows) {
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
        return best < MIN_TWO_SIDED_ROWS || best < MIN_TWO_SIDED_SHARE * rows.size() / 2 ? Float.NaN : gutter;
    }

    private static List<Article> bands(List<GlyphRow> rows, float gutter, boolean onlyAtTop, float typicalSize,
                                       float[] carriedTable, List<RuledTable> ruled) {
        List<Article> articles = new ArrayList<>();
        List<TextPosition> leftColumn = new ArrayList<>();
        List<TextPosition> rightColumn = new ArrayList<>();
        boolean columns = !Float.isNaN(gutter);
        for (int i = 0; i < rows.size(); i++) {
            GlyphRow row = rows.get(i);
            TableFinder.Table table = table(rows, i, carriedTable, ruled);
            if (table != null) {
                flush(articles, leftColumn, rightColumn);
                articles.add(new Article(List.of(), 0, table));
                i = table.to() - 1;
                columns &= !onlyAtTop;
                continue;
            }
            if (!columns || acrossColumns(rows, i, gutter, typicalSize)) {
                flush(articles, leftColumn, rightColumn);
                articles.add(new Article(new ArrayList<>(row.glyphs), 0, null));
                columns &= !onlyAtTop;
                continue;
            }
            for (TextPosition glyph : row.glyphs) {
                (glyph.getXDirAdj() + glyph.getWidthDirAdj() / 2 < gutter ? leftColumn : rightColumn).add(glyph);
            }
        }
        flush(articles, leftColumn, rightColumn);
        return merged(articles);
    }

    /** The table starting at row {@code i}: by its rules where they hold the row, else by its gaps; or null. */
    private static TableFinder.Table table(List<GlyphRow> rows, int i, float[] carriedTable, List<RuledTable> ruled) {
        for (RuledTable table : ruled) {
            if (table.holds(rows.get(i))) {
                return table.read(rows, i);
            }
        }
        return TableFinder.at(rows, i, carriedTable);
    }

    /** Consecutive articles of the first column or across the page read as one, as a page in one column is read. */
    private static List<Article> merged(List<Article> articles) {
        List<Article> merged = new ArrayList<>();
        for (Article article : articles) {
            Article last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && isPlain(last) && isPlain(article)) {
                List<TextPosition> glyphs = new ArrayList<>(last.glyphs());
                glyphs.addAll(article.glyphs());
                merged.set(merged.size() - 1, new Article(glyphs, 0, null));
            } else {
                merged.add(article);
            }
        }
        return merged;
    }

    private static boolean isPlain(Article article) {
        return article.columnOffset() == 0 && article.table() == null;
    }

    /** A row across the gutter, a table row, or a larger heading on one side with nothing beside it. */
    private static boolean acrossColumns(List<GlyphRow> rows, int i, float gutter, float typicalSize) {
        GlyphRow row = rows.get(i);
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
        for (GlyphRow other : rows) {
            if (other.y >= top && other.y <= bottom && (onLeft ? other.right() > gutter : other.left() < gutter)) {
                return false;
            }
        }
        return true;
    }

    private static void flush(List<Article> articles, List<TextPosition> left, List<TextPosition> right) {
        if (!left.isEmpty()) {
            articles.add(new Article(new ArrayList<>(left), 0, null));
        }
        if (!right.isEmpty()) {
            float offset = left.isEmpty() ? 0 : start(right) - start(left);
            articles.add(new Article(new ArrayList<>(right), offset, null));
        }
        left.clear();
        right.clear();
    }

    private static float start(List<TextPosition> column) {
        return (float) column.stream().filter(g -> !g.getUnicode().isBlank()).mapToDouble(TextPosition::getXDirAdj).min().orElse(0);
    }

    private static float typicalSize(List<GlyphRow> rows) {
        float[] sizes = new float[rows.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = rows.get(i).size();
        }
        Arrays.sort(sizes);
        return sizes[sizes.length / 2];
    }
}
