package com.bulletiningest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.bulletiningest.extract.Rulings.Rule;
import org.apache.pdfbox.text.TextPosition;

/**
 * A table drawn with ruling lines, read by its rules: rules that meet make a grid, the horizontal rules across its
 * whole width part its rows, its vertical rules its columns, and each glyph belongs to the cell its middle lies in.
 * Where cells wrap, are centred vertically or nearly touch, the gaps {@link TableFinder} reads no longer tell rows and
 * columns apart; the rules do. Rules that do not meet others (underlines, a rule under a heading) make no table.
 */
final class RuledTable {

    /** Rules meet, and pieces of one rule join, within this many points. */
    private static final float TOUCH = 1.5f;
    /** A horizontal rule over this share of the table's width parts rows (one under some cells only does not). */
    private static final float ACROSS = 0.9f;
    private static final int MIN_COLUMNS = 3;

    private final float left;
    private final float top;
    private final float right;
    private final float bottom;
    /** Row edges top down, column edges left to right. */
    private final float[] rowEdges;
    private final float[] columnEdges;

    private RuledTable(float left, float top, float right, float bottom, float[] rowEdges, float[] columnEdges) {
        this.left = left;
        this.top = top;
        this.right = right;
        this.bottom = bottom;
        this.rowEdges = rowEdges;
        this.columnEdges = columnEdges;
    }

    /** The tables a page's rules draw: grids of at least {@value #MIN_COLUMNS} columns and one row. */
    static List<RuledTable> find(List<Rule> rules) {
        List<RuledTable> tables = new ArrayList<>();
        for (List<Rule> grid : meeting(rules)) {
            RuledTable table = of(grid);
            if (table != null) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** Whether every glyph of the row lies in the table. */
    boolean holds(GlyphRow row) {
        for (TextPosition glyph : row.inked()) {
            float x = middleX(glyph);
            float y = middleY(glyph);
            if (x < left || x > right || y < top || y > bottom) {
                return false;
            }
        }
        return true;
    }

    /** The table read from rows {@code i} on (as many as it holds), one table row per ruled row with text. */
    TableFinder.Table read(List<GlyphRow> rows, int i) {
        int to = i;
        while (to < rows.size() && holds(rows.get(to))) {
            to++;
        }
        int columns = columnEdges.length - 1;
        List<TableFinder.Row> read = new ArrayList<>();
        for (int r = 0; r + 1 < rowEdges.length; r++) {
            StringBuilder[] cells = new StringBuilder[columns];
            TextPosition[] before = new TextPosition[columns];
            Arrays.setAll(cells, k -> new StringBuilder());
            float x = Float.MAX_VALUE;
            float endX = -Float.MAX_VALUE;
            float rowTop = Float.MAX_VALUE;
            float lastY = -Float.MAX_VALUE;
            float size = 0;
            for (GlyphRow line : rows.subList(i, to)) {
                List<TextPosition> glyphs = new ArrayList<>(line.inked());
                glyphs.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
                Arrays.fill(before, null); // a cell's wrapped lines join without a blank
                for (TextPosition glyph : glyphs) {
                    if (index(middleY(glyph), rowEdges) != r) {
                        continue;
                    }
                    int k = index(middleX(glyph), columnEdges);
                    TableFinder.append(cells[k], before[k], glyph);
                    before[k] = glyph;
                    x = Math.min(x, glyph.getXDirAdj());
                    endX = Math.max(endX, glyph.getXDirAdj() + glyph.getWidthDirAdj());
                    rowTop = Math.min(rowTop, glyph.getYDirAdj() - glyph.getHeightDir());
                    lastY = Math.max(lastY, line.y);
                    size = Math.max(size, glyph.getFontSizeInPt());
                }
            }
            if (size > 0) {
                read.add(new TableFinder.Row(Arrays.stream(cells).map(TableFinder::cellText).toList(), x, endX, rowTop, lastY, size));
            }
        }
        return new TableFinder.Table(i, to, read, Arrays.copyOf(columnEdges, columns));
    }

    /** The interval of {@code edges} that {@code at} lies in (the first or last one beyond them). */
    private static int index(float at, float[] edges) {
        int k = 0;
        while (k + 2 < edges.length && at > edges[k + 1]) {
            k++;
        }
        return k;
    }

    private static float middleX(TextPosition glyph) {
        return glyph.getXDirAdj() + glyph.getWidthDirAdj() / 2;
    }

    private static float middleY(TextPosition glyph) {
        return glyph.getYDirAdj() - glyph.getHeightDir() / 2;
    }

    /** The grid of rules that meet, or null when they draw no table. */
    private static RuledTable of(List<Rule> grid) {
        float left = Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        float bottom = -Float.MAX_VALUE;
        for (Rule rule : grid) {
            left = Math.min(left, rule.horizontal() ? rule.from() : rule.at());
            right = Math.max(right, rule.horizontal() ? rule.to() : rule.at());
            top = Math.min(top, rule.horizontal() ? rule.at() : rule.from());
            bottom = Math.max(bottom, rule.horizontal() ? rule.at() : rule.to());
        }
        float[] columnEdges = edges(grid, false, 0);
        float[] rowEdges = edges(grid, true, ACROSS * (right - left));
        if (columnEdges.length < MIN_COLUMNS + 1 || rowEdges.length == 0) {
            return null;
        }
        // a table cut by the page's end has its side rules beyond its last rule across
        if (rowEdges[0] > top + TOUCH) {
            rowEdges = prepend(top, rowEdges);
        }
        if (rowEdges[rowEdges.length - 1] < bottom - TOUCH) {
            rowEdges = Arrays.copyOf(rowEdges, rowEdges.length + 1);
            rowEdges[rowEdges.length - 1] = bottom;
        }
        if (rowEdges.length < 2) {
            return null;
        }
        return new RuledTable(left, top, right, bottom, rowEdges, columnEdges);
    }

    /**
     * Where the rules of one direction stand, sorted, pieces of a rule at one place joined: those covering at least
     * {@code minLength} in all.
     */
    private static float[] edges(List<Rule> grid, boolean horizontal, float minLength) {
        List<Rule> rules = grid.stream().filter(r -> r.horizontal() == horizontal)
                .sorted(Comparator.comparingDouble(Rule::at)).toList();
        List<Float> edges = new ArrayList<>();
        int k = 0;
        while (k < rules.size()) {
            List<Rule> place = new ArrayList<>();
            float at = rules.get(k).at();
            while (k < rules.size() && rules.get(k).at() - at <= TOUCH) {
                place.add(rules.get(k++));
            }
            if (covered(place) >= minLength) {
                edges.add((float) place.stream().mapToDouble(Rule::at).average().orElse(at));
            }
        }
        float[] out = new float[edges.size()];
        for (int e = 0; e < out.length; e++) {
            out[e] = edges.get(e);
        }
        return out;
    }

    /** The length the rules cover along their direction, overlaps counted once. */
    private static float covered(List<Rule> rules) {
        List<Rule> sorted = rules.stream().sorted(Comparator.comparingDouble(Rule::from)).toList();
        float length = 0;
        float end = -Float.MAX_VALUE;
        for (Rule rule : sorted) {
            float from = Math.max(rule.from(), end);
            if (rule.to() > from) {
                length += rule.to() - from;
                end = rule.to();
            }
        }
        return length;
    }

    private static float[] prepend(float edge, float[] edges) {
        float[] out = new float[edges.length + 1];
        out[0] = edge;
        System.arraycopy(edges, 0, out, 1, edges.length);
        return out;
    }

    /** The rules in sets that meet or join one another. */
    private static List<List<Rule>> meeting(List<Rule> rules) {
        int[] parent = new int[rules.size()];
        Arrays.setAll(parent, k -> k);
        for (int a = 0; a < rules.size(); a++) {
            for (int b = a + 1; b < rules.size(); b++) {
                if (meet(rules.get(a), rules.get(b))) {
                    parent[root(parent, a)] = root(parent, b);
                }
            }
        }
        List<List<Rule>> sets = new ArrayList<>();
        List<Integer> roots = new ArrayList<>();
        for (int k = 0; k < rules.size(); k++) {
            int root = root(parent, k);
            int set = roots.indexOf(root);
            if (set < 0) {
                roots.add(root);
                sets.add(new ArrayList<>());
                set = sets.size() - 1;
            }
            sets.get(set).add(rules.get(k));
        }
        return sets;
    }

    private static int root(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    /** Crossing or touching rules, or pieces of one rule end to end. */
    private static boolean meet(Rule a, Rule b) {
        if (a.horizontal() == b.horizontal()) {
            return Math.abs(a.at() - b.at()) <= TOUCH && a.from() <= b.to() + TOUCH && b.from() <= a.to() + TOUCH;
        }
        Rule h = a.horizontal() ? a : b;
        Rule v = a.horizontal() ? b : a;
        return v.at() >= h.from() - TOUCH && v.at() <= h.to() + TOUCH && h.at() >= v.from() - TOUCH && h.at() <= v.to() + TOUCH;
    }
}
