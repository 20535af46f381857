package com.bulletiningest.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.text.TextPosition;

/** Glyphs on one baseline of a page, with their inked extents: the unit of column and table finding. */
final class GlyphRow {

    /** A gap this many glyph heights wide parts cells or columns; blanks between words are narrower. */
    private static final float GAP_HEIGHTS = 1.0f;
    /** A column line ends (or starts) this many glyph heights or less from the gutter. */
    private static final float NEAR_EDGE_HEIGHTS = 3f;

    final float y;
    final List<TextPosition> glyphs = new ArrayList<>();
    private List<float[]> spans;

    GlyphRow(float y) {
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
    /** Text on both sides of x and none over it. */
    boolean bothSidesOf(float x) {
        return !covers(x) && left() < x && right() > x;
    }

    /** The page's glyphs in rows, top down. */
    static List<GlyphRow> of(List<TextPosition> glyphs) {
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj));
        List<GlyphRow> rows = new ArrayList<>();
        GlyphRow current = null;
        for (TextPosition glyph : sorted) {
            float tolerance = Math.max(1f, glyph.getHeightDir() * 0.3f);
            if (current == null || Math.abs(glyph.getYDirAdj() - current.y) > tolerance) {
                current = new GlyphRow(glyph.getYDirAdj());
                rows.add(current);
            }
            current.glyphs.add(glyph);
        }
        rows.removeIf(row -> row.inked().isEmpty());
        return rows;
    }
}
