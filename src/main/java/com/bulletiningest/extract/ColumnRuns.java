package com.bulletiningest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where a page is set in columns, row by row: a column shows as rows that start at one x inside the text width with
 * white space left of it, and as a run of consecutive rows none of which runs over that x. Each such run reads as
 * columns parted at that x; a row across it (a heading over the columns, a paragraph in one column) ends the run. So
 * one page may hold a one-column part, two columns and three columns, one under the other.
 */
final class ColumnRuns {

    /** Rows start at one x within this many points. */
    private static final float SAME_START = 1.5f;
    /** Rows that start at a column's x within a run: at least this many make it columns. */
    private static final int MIN_ROWS = 3;
    /** A column starts this share of the text width or more right of its left edge and left of its right edge. */
    private static final float FROM_LEFT = 0.2f;
    private static final float FROM_RIGHT = 0.15f;
    /** A column's line ends this many glyph heights or less left of the column's right edge (justified to it). */
    private static final float NEAR_EDGE_HEIGHTS = 3f;
    /** Lines ending near a column: at least this share of the lines starting it (columns' baselines may differ). */
    private static final float JUSTIFIED_SHARE = 0.5f;
    /** Column starts closer than this share of the text width are one (a paragraph indent is no column). */
    private static final float MIN_COLUMN_WIDTH = 0.12f;

    private static final float[] NONE = {};

    private ColumnRuns() {
    }

    /**
     * Per row of the page: the x positions parting its columns, left to right (none: the row is read whole).
     *
     * @param excluded rows read otherwise (a ruled table's), which end a run
     * @param carried  the parting x positions the page before ended with: rows at the top of this page that have
     *                 none or only some of their own and keep to them go on in those columns
     */
    static float[][] of(List<GlyphRow> rows, Predicate<GlyphRow> excluded, float[] carried) {
        float[][] gutters = new float[rows.size()][];
        Arrays.fill(gutters, NONE);
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        for (GlyphRow row : rows) {
            if (!excluded.test(row)) {
                left = Math.min(left, row.left());
                right = Math.max(right, row.right());
            }
        }
        float width = right - left;
        for (float gutter : gutters(rows, excluded, left + FROM_LEFT * width, right - FROM_RIGHT * width, MIN_COLUMN_WIDTH * width)) {
            List<int[]> runs = new ArrayList<>(); // {from, to}
            int from = 0;
            while (from < rows.size()) {
                int to = from;
                while (to < rows.size() && keepsTo(rows.get(to), excluded, gutter)) {
                    to++;
                }
                if (to > from) {
                    runs.add(new int[] {from, to});
                }
                from = Math.max(to, from + 1);
            }
            // a gutter shown by one run holds for the page: its other runs may be short or ragged (a label, a title)
            boolean shown = runs.stream().anyMatch(run -> isColumns(rows.subList(run[0], run[1]), gutter));
            for (int[] run : runs) {
                if (shown && goesOn(rows.subList(run[0], run[1]), gutter)) {
                    for (int i = run[0]; i < run[1]; i++) {
                        gutters[i] = add(gutters[i], gutter);
                    }
                }
            }
        }
        if (carried.length > 0 && gutters.length > 0 && within(gutters[0], carried) && straddles(rows.get(0), carried)) {
            // the columns of the page before go on at the top of this one, also where too few rows show some of them
            for (int i = 0; i < rows.size() && within(gutters[i], carried) && keepsTo(rows.get(i), excluded, carried); i++) {
                gutters[i] = gutters[i].length < carried.length ? carried : gutters[i];
            }
        }
        return gutters;
    }

    /**
     * Where columns may start: x positions where rows start a span after white space, inside the text width, those
     * started by the most rows where several lie close; each just left of its column.
     */
    private static List<Float> gutters(List<GlyphRow> rows, Predicate<GlyphRow> excluded, float from, float to, float apart) {
        List<float[]> starts = new ArrayList<>(); // {x, row}
        for (int i = 0; i < rows.size(); i++) {
            if (!excluded.test(rows.get(i))) {
                for (float[] span : rows.get(i).spans()) {
                    if (span[0] >= from && span[0] <= to) {
                        starts.add(new float[] {span[0], i});
                    }
                }
            }
        }
        starts.sort(Comparator.comparingDouble(s -> s[0]));
        List<float[]> places = new ArrayList<>(); // {x, rows}
        int k = 0;
        while (k < starts.size()) {
            float x = starts.get(k)[0];
            int count = 0;
            while (k < starts.size() && starts.get(k)[0] - x <= SAME_START) {
                count++;
                k++;
            }
            if (count >= MIN_ROWS) {
                places.add(new float[] {x, count});
            }
        }
        places.sort(Comparator.comparingDouble((float[] p) -> p[1]).reversed());
        List<Float> gutters = new ArrayList<>();
        for (float[] place : places) {
            if (gutters.stream().allMatch(g -> Math.abs(g - place[0]) >= apart)) {
                gutters.add(place[0] - SAME_START);
            }
        }
        return gutters;
    }

    /** Whether no span of the row runs over x (nor over any of xs) and it is read as text. */
    private static boolean keepsTo(GlyphRow row, Predicate<GlyphRow> excluded, float... xs) {
        if (excluded.test(row)) {
            return false;
        }
        for (float x : xs) {
            if (row.covers(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A run of rows is columns at x when enough of them start just right of x and some have text left of it, about
     * as many lines ending near x (justified to their column's edge; a table's cells end where their text does).
     */
    private static boolean isColumns(List<GlyphRow> run, float x) {
        int starting = 0;
        List<float[]> ends = new ArrayList<>(); // {end of the span nearest left of x, glyph height}
        float edge = -Float.MAX_VALUE;
        for (GlyphRow row : run) {
            float end = -Float.MAX_VALUE;
            for (float[] span : row.spans()) {
                starting += startsAt(span, x) ? 1 : 0;
                end = span[1] <= x ? Math.max(end, span[1]) : end;
            }
            if (end > -Float.MAX_VALUE) {
                ends.add(new float[] {end, row.height()});
                edge = Math.max(edge, end);
            }
        }
        float columnEdge = edge;
        long endingNear = ends.stream().filter(e -> columnEdge - e[0] <= NEAR_EDGE_HEIGHTS * e[1]).count();
        return starting >= MIN_ROWS && !ends.isEmpty() && (ends.size() < MIN_ROWS || endingNear >= JUSTIFIED_SHARE * starting);
    }

    /** Whether some row of the run starts just right of x and some has text left of it. */
    private static boolean goesOn(List<GlyphRow> run, float x) {
        return run.stream().anyMatch(row -> row.spans().stream().anyMatch(s -> startsAt(s, x)))
                && run.stream().anyMatch(row -> row.left() < x);
    }

    private static boolean startsAt(float[] span, float x) {
        return span[0] >= x && span[0] - x <= 2 * SAME_START;
    }

    /** Whether each of the gutters is one of the others (a few rows showing some of a page's columns). */
    private static boolean within(float[] gutters, float[] others) {
        return Arrays.stream(toDoubles(gutters)).allMatch(g -> Arrays.stream(toDoubles(others)).anyMatch(o -> Math.abs(g - o) <= 2 * SAME_START));
    }

    /** Text on both sides of one of the xs, none over it. */
    private static boolean straddles(GlyphRow row, float[] xs) {
        return Arrays.stream(toDoubles(xs)).anyMatch(x -> !row.covers((float) x) && row.left() < x && row.right() > x);
    }

    private static double[] toDoubles(float[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[i];
        }
        return out;
    }

    private static float[] add(float[] gutters, float gutter) {
        float[] out = Arrays.copyOf(gutters, gutters.length + 1);
        out[gutters.length] = gutter;
        Arrays.sort(out);
        return out;
    }
}
