package com.bulletiningest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.text.TextPosition;

/**
 * Puts a page's glyphs in reading order: the page is cut into bands top down; a band set in columns
 * ({@link ColumnRuns}: two, three, or one part of the page in two and another in three) reads its columns left to
 * right, one after the other; anything across them (a heading over the columns, a paragraph set in one column) is a
 * band of its own, read as it is; a table, by its ruling lines ({@link RuledTable}) or by its gaps
 * ({@link TableFinder}), is read row by row. A row keeping to the columns is read in them even with gaps inside a
 * column (a justified line spreads its blanks). Columns that end a page go on at the top of the next, where its rows
 * keep to them. Each column's article says how wide the band's columns are, so that lines are measured in their column.
 */
final class ReadingOrder {

    /** A row set this much larger than the page's usual size, alone in its column, is a heading across the columns. */
    private static final float HEADING_SIZE = 1.15f;
    private static final float[] NO_COLUMNS = {};

    private ReadingOrder() {
    }

    /**
     * A run of glyphs read on its own (a column of a band, or a band across the page), how far right of the first
     * column it starts and how wide its column is (0 across the page); or a table's rows of cell texts.
     */
    record Article(List<TextPosition> glyphs, float columnOffset, float columnWidth, TableFinder.Table table) {

        Article(List<TextPosition> glyphs) {
            this(glyphs, 0, 0, null);
        }
    }

    /**
     * A page in reading order, and what the next page may go on with: where the columns of its last columns part
     * (none for none), the column starts of the table that ends it (null for none).
     */
    record Page(List<Article> articles, float[] gutters, float[] tableColumns) {

        static final Page NONE = new Page(List.of(), NO_COLUMNS, null);
    }

    /**
     * The page's glyphs as articles read one after the other, going on with the page before where it ended so;
     * {@code ruled} are the tables the page's rules draw.
     */
    static Page read(List<TextPosition> glyphs, Page before, List<RuledTable> ruled) {
        List<GlyphRow> rows = GlyphRow.of(glyphs);
        if (rows.isEmpty()) {
            return new Page(List.of(new Article(glyphs)), NO_COLUMNS, null);
        }
        float[][] gutters = ColumnRuns.of(rows, row -> ruled.stream().anyMatch(t -> t.holds(row)), before.gutters());
        List<Article> articles = bands(rows, gutters, typicalSize(rows), before.tableColumns(), ruled);
        Article last = articles.get(articles.size() - 1);
        float[] goOn = NO_COLUMNS;
        for (float[] parts : gutters) {
            // the page's last columns, unless they are those of the page before going on at its top only
            goOn = parts.length > 0 ? parts : goOn;
        }
        if (goOn == before.gutters() && gutters[0] == before.gutters()) {
            goOn = NO_COLUMNS;
        }
        return new Page(articles, goOn, last.table() == null ? null : last.table().starts());
    }

    private static List<Article> bands(List<GlyphRow> rows, float[][] gutters, float typicalSize, float[] carriedTable,
                                       List<RuledTable> ruled) {
        List<Article> articles = new ArrayList<>();
        List<List<TextPosition>> columns = new ArrayList<>();
        float[] current = NO_COLUMNS;
        float width = 0;
        for (int i = 0; i < rows.size(); i++) {
            GlyphRow row = rows.get(i);
            TableFinder.Table table = table(rows, i, carriedTable, ruled, gutters[i].length == 0);
            if (table != null) {
                flush(articles, columns, width);
                articles.add(new Article(List.of(), 0, 0, table));
                i = table.to() - 1;
                continue;
            }
            float[] parts = gutters[i];
            if (parts.length == 0 || acrossColumns(rows, i, parts, typicalSize)) {
                flush(articles, columns, width);
                articles.add(new Article(new ArrayList<>(row.glyphs)));
                continue;
            }
            if (!Arrays.equals(parts, current)) {
                flush(articles, columns, width);
                current = parts;
                width = columnWidth(rows, gutters, parts);
            }
            while (columns.size() <= parts.length) {
                columns.add(new ArrayList<>());
            }
            for (TextPosition glyph : row.glyphs) {
                columns.get(column(glyph.getXDirAdj() + glyph.getWidthDirAdj() / 2, parts)).add(glyph);
            }
        }
        flush(articles, columns, width);
        return merged(articles);
    }

    /**
     * The table starting at row {@code i}: by its rules where they hold the row, else by its gaps where the row is not
     * in text columns (whose gaps look like a table's); or null.
     */
    private static TableFinder.Table table(List<GlyphRow> rows, int i, float[] carriedTable, List<RuledTable> ruled,
                                           boolean byGaps) {
        for (RuledTable table : ruled) {
            if (table.holds(rows.get(i))) {
                return table.read(rows, i);
            }
        }
        return byGaps ? TableFinder.at(rows, i, carriedTable) : null;
    }

    /**
     * Consecutive articles of the first column of columns alike, or across the page, read as one, as a page in one
     * column is read.
     */
    private static List<Article> merged(List<Article> articles) {
        List<Article> merged = new ArrayList<>();
        List<TextPosition> run = null; // the glyphs of the last article if plain, growing in place as others join it
        for (Article article : articles) {
            Article last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (run != null && isPlain(article) && last.columnWidth() == article.columnWidth()) {
                run.addAll(article.glyphs());
            } else if (isPlain(article)) {
                run = new ArrayList<>(article.glyphs());
                merged.add(new Article(run, 0, article.columnWidth(), null));
            } else {
                merged.add(article);
                run = null;
            }
        }
        return merged;
    }

    private static boolean isPlain(Article article) {
        return article.columnOffset() == 0 && article.table() == null;
    }

    /** The column (from 0) that x lies in. */
    private static int column(float x, float[] gutters) {
        int k = 0;
        while (k < gutters.length && x >= gutters[k]) {
            k++;
        }
        return k;
    }

    /**
     * A larger heading alone in its column. (Gaps inside a column tell nothing: a justified line in a narrow column
     * spreads its blank a glyph wide.)
     */
    private static boolean acrossColumns(List<GlyphRow> rows, int i, float[] gutters, float typicalSize) {
        GlyphRow row = rows.get(i);
        int own = column(row.left(), gutters);
        if (row.size() < HEADING_SIZE * typicalSize || row.spans().stream().anyMatch(s -> column(s[0], gutters) != own)) {
            return false;
        }
        // nothing in another column beside it
        float top = row.y - row.height() * 1.6f;
        float bottom = row.y + row.height() * 0.6f;
        for (GlyphRow other : rows) {
            if (other != row && other.y >= top && other.y <= bottom
                    && other.spans().stream().anyMatch(s -> column(s[0], gutters) != own)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How wide the columns parted at {@code parts} are: the widest from its start to the edge its lines reach, over the
     * page's rows read in them (columns are set alike; one holding a few short lines would seem narrow).
     */
    private static float columnWidth(List<GlyphRow> rows, float[][] gutters, float[] parts) {
        float[] starts = new float[parts.length + 1];
        float[] ends = new float[parts.length + 1];
        Arrays.fill(starts, Float.MAX_VALUE);
        Arrays.fill(ends, -Float.MAX_VALUE);
        for (int i = 0; i < rows.size(); i++) {
            if (Arrays.equals(gutters[i], parts)) {
                for (float[] span : rows.get(i).spans()) {
                    int k = column((span[0] + span[1]) / 2, parts);
                    starts[k] = Math.min(starts[k], span[0]);
                    ends[k] = Math.max(ends[k], span[1]);
                }
            }
        }
        float width = 0;
        for (int k = 0; k < starts.length; k++) {
            width = Math.max(width, ends[k] - starts[k]);
        }
        return width;
    }

    /** The columns read so far, left to right, each as far right of the first as it starts, all {@code width} wide. */
    private static void flush(List<Article> articles, List<List<TextPosition>> columns, float width) {
        float base = Float.NaN;
        for (List<TextPosition> column : columns) {
            if (!column.isEmpty()) {
                base = Float.isNaN(base) ? start(column) : base;
                articles.add(new Article(new ArrayList<>(column), start(column) - base, width, null));
                column.clear();
            }
        }
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
