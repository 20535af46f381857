package com.bulletiningest.extract;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.text.TextPosition;

/**
 * Finds upright, opaque watermarks by repetition: a glyph drawn at the same place on every page of a bulletin, set far
 * from the body's size or in a light colour, is a stamp (内部资料 across each page), not text. Running headers and
 * footers repeat too but are set near the body's size in a readable colour: the splitter removes those
 * ({@code PageArtefacts}), as they may carry what it needs.
 * <p>
 * The text pass shows it every glyph, page by page in order ({@link LineCollector}); it tells the marks at the end.
 */
final class RepeatedMarks {

    /** Same place within this many points. */
    private static final float PLACE = 2f;
    /** A mark this many times the body size, or this share of it, is not set to be read with the body. */
    private static final float FAR_LARGER = 1.8f;
    private static final float FAR_SMALLER = 0.5f;
    /** A fill this light (0 black … 1 white, by luminance) is a tint behind the text. */
    private static final float LIGHT = 0.8f;
    private static final int MAX_SIZE = 255;

    /** A glyph's character and place, the same on every page for a repeated mark. */
    record Place(String unicode, int x, int y) {
        static Place of(TextPosition glyph) {
            return of(glyph, row(glyph));
        }

        static Place of(TextPosition glyph, int row) {
            return new Place(glyph.getUnicode(), Math.round(glyph.getXDirAdj() / PLACE), row);
        }

        static int row(TextPosition glyph) {
            return Math.round(glyph.getYDirAdj() / PLACE);
        }
    }

    private static final class Seen {
        int lastPage;
        float size;
        boolean light = true;
    }

    private final int pages;
    /**
     * The places that may yet be on every page: those of the first page's glyphs, each dropped when a page goes by
     * without it (pages come in order).
     */
    private final Map<Place, Seen> seen = new HashMap<>();
    /**
     * The rows of the places in {@link #seen} (above the page's top always looked up): most glyphs stand on no such
     * row and need no place made and looked up.
     */
    private final BitSet seenRows = new BitSet();
    /** Glyphs counted by their size rounded to a point (all larger in the last place). */
    private final int[] glyphsBySize = new int[MAX_SIZE + 1];
    private int page;

    /** @param pages the document's number of pages */
    RepeatedMarks(int pages) {
        this.pages = pages;
    }

    /** Notes a glyph shown on a page (from 1) in a fill colour. */
    void see(TextPosition glyph, int page, PDColor colour) {
        float size = glyph.getFontSizeInPt();
        glyphsBySize[Math.max(0, Math.min(Math.round(size), MAX_SIZE))]++;
        if (page != this.page) {
            this.page = page;
            seen.values().removeIf(s -> s.lastPage < page - 1);
            seenRows.clear();
            seen.keySet().stream().filter(p -> p.y() >= 0).forEach(p -> seenRows.set(p.y()));
        }
        int row = Place.row(glyph);
        if (page > 1 && (seen.isEmpty() || row >= 0 && !seenRows.get(row))) {
            return;
        }
        Place place = Place.of(glyph, row);
        Seen s = page == 1 ? seen.computeIfAbsent(place, p -> new Seen()) : seen.get(place);
        if (s != null) {
            s.lastPage = page;
            s.size = Math.max(s.size, size);
            s.light = s.light && isLight(colour);
        }
    }

    /** The places of the repeated marks seen; none for a single page, where nothing repeats. */
    Set<Place> marks() {
        Set<Place> marks = new HashSet<>();
        if (pages < 2) {
            return marks;
        }
        int body = bodySize();
        seen.forEach((place, s) -> {
            boolean far = s.size >= body * FAR_LARGER || s.size <= body * FAR_SMALLER;
            if (s.lastPage == pages && (far || s.light)) {
                marks.add(place);
            }
        });
        return marks;
    }

    /** The size most glyphs are set in. */
    private int bodySize() {
        int body = 0;
        for (int size = 1; size <= MAX_SIZE; size++) {
            body = glyphsBySize[size] > glyphsBySize[body] ? size : body;
        }
        return body;
    }

    private static boolean isLight(PDColor colour) {
        try {
            int rgb = colour.toRGB();
            float luminance = (0.299f * (rgb >> 16 & 0xff) + 0.587f * (rgb >> 8 & 0xff) + 0.114f * (rgb & 0xff)) / 255;
            return luminance >= LIGHT;
        } catch (IOException | RuntimeException e) {
            return false; // a colour we cannot convert is read as text
        }
    }
}
