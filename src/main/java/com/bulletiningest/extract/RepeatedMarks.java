package com.bulletiningest.extract;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Finds upright, opaque watermarks by repetition: a glyph drawn at the same place on every page of a bulletin, set far
 * from the body's size or in a light colour, is a stamp (内部资料 across each page), not text. Running headers and
 * footers repeat too but are set near the body's size in a readable colour: the splitter removes those
 * ({@code PageArtefacts}), as they may carry what it needs.
 */
final class RepeatedMarks {

    /** Same place within this many points. */
    private static final float PLACE = 2f;
    /** A mark this many times the body size, or this share of it, is not set to be read with the body. */
    private static final float FAR_LARGER = 1.8f;
    private static final float FAR_SMALLER = 0.5f;
    /** A fill this light (0 black … 1 white, by luminance) is a tint behind the text. */
    private static final float LIGHT = 0.8f;

    /** A glyph's character and place, the same on every page for a repeated mark. */
    record Place(String unicode, int x, int y) {
        static Place of(TextPosition glyph) {
            return new Place(glyph.getUnicode(), Math.round(glyph.getXDirAdj() / PLACE), Math.round(glyph.getYDirAdj() / PLACE));
        }
    }

    private RepeatedMarks() {
    }

    /** The places of the document's repeated marks; none for a single page, where nothing repeats. */
    static Set<Place> find(PDDocument document) throws IOException {
        if (document.getNumberOfPages() < 2) {
            return Set.of();
        }
        Survey survey = new Survey();
        survey.writeText(document, Writer.nullWriter());
        float body = survey.bodySize();
        Set<Place> marks = new HashSet<>();
        survey.seen.forEach((place, seen) -> {
            boolean far = seen.size >= body * FAR_LARGER || seen.size <= body * FAR_SMALLER;
            if (seen.pages.size() == document.getNumberOfPages() && (far || seen.light)) {
                marks.add(place);
            }
        });
        return marks;
    }

    private static final class Seen {
        final Set<Integer> pages = new HashSet<>();
        float size;
        boolean light = true;
    }

    /** One quick pass over every glyph: where it stands, on which pages, how large and how light. */
    private static final class Survey extends PDFTextStripper {
        final Map<Place, Seen> seen = new HashMap<>();
        final Map<Integer, Integer> glyphsBySize = new HashMap<>();

        /** The text stripper leaves colours unread; a light mark needs them. */
        Survey() throws IOException {
            addOperator(new SetNonStrokingColorSpace(this));
            addOperator(new SetNonStrokingColor(this));
            addOperator(new SetNonStrokingColorN(this));
            addOperator(new SetNonStrokingDeviceGrayColor(this));
            addOperator(new SetNonStrokingDeviceRGBColor(this));
            addOperator(new SetNonStrokingDeviceCMYKColor(this));
        }

        @Override
        protected void processTextPosition(TextPosition glyph) {
            float size = glyph.getFontSizeInPt();
            glyphsBySize.merge(Math.round(size), 1, Integer::sum);
            Seen s = seen.computeIfAbsent(Place.of(glyph), p -> new Seen());
            s.pages.add(getCurrentPageNo());
            s.size = Math.max(s.size, size);
            s.light &= isLight(getGraphicsState().getNonStrokingColor());
        }

        float bodySize() {
            return glyphsBySize.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
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
}
