package com.bulletiningest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.apache.pdfbox.text.TextPosition;

/** Glyphs on one baseline of a page, with their inked extents: the unit of column and table finding. */
final class GlyphRow {

    /** A gap this many glyph heights wide parts cells or columns; blanks between words are narrower. */
    private static final float GAP_HEIGHTS = 1.0f;

    final float y;
    /** The row's glyphs, complete once {@link #of} returns: what is worked out from them is kept. */
    final List<TextPosition> glyphs = new ArrayList<>();
    private List<TextPosition> inked;
    private List<float[]> spans;

    GlyphRow(float y) {
        this.y = y;
    }

    /** The glyphs that show ink (not blanks). */
    List<TextPosition> inked() {
        if (inked == null) {
            inked = new ArrayList<>(glyphs.size());
            for (TextPosition glyph : glyphs) {
                if (!glyph.getUnicode().isBlank()) {
                    inked.add(glyph);
                }
            }
        }
        return inked;
    }

    /** The row's inked extents left to right, glyphs closer than a gap joined. */
    List<float[]> spans() {
        if (spans == null) {
            spans = new ArrayList<>();
            for (Placed placed : Placed.sorted(inked(), TextPosition::getXDirAdj)) {
                TextPosition g = placed.glyph;
                float from = placed.at;
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
        for (float[] span : spans()) {
            if (span[0] < x && span[1] > x) {
                return true;
            }
        }
        return false;
    }

    float height() {
        return (float) inked().stream().mapToDouble(TextPosition::getHeightDir).max().orElse(1);
    }

    /** The page's glyphs in rows, top down. */
    static List<GlyphRow> of(List<TextPosition> glyphs) {
        List<GlyphRow> rows = new ArrayList<>();
        GlyphRow current = null;
        for (Placed placed : Placed.sorted(glyphs, TextPosition::getYDirAdj)) {
            TextPosition glyph = placed.glyph;
            float tolerance = Math.max(1f, glyph.getHeightDir() * 0.3f);
            if (current == null || Math.abs(placed.at - current.y) > tolerance) {
                current = new GlyphRow(placed.at);
                rows.add(current);
            }
            current.glyphs.add(glyph);
        }
        rows.removeIf(row -> row.inked().isEmpty());
        return rows;
    }

    /** A glyph with one of its coordinates, worked out once for sorting (PDFBox computes it on each call). */
    private record Placed(TextPosition glyph, float at) {

        static List<Placed> sorted(List<TextPosition> glyphs, ToDoubleFunction<TextPosition> coordinate) {
            List<Placed> placed = new ArrayList<>(glyphs.size());
            for (TextPosition glyph : glyphs) {
                placed.add(new Placed(glyph, (float) coordinate.applyAsDouble(glyph)));
            }
            placed.sort((a, b) -> Float.compare(a.at, b.at));
            return placed;
        }
    }
}
