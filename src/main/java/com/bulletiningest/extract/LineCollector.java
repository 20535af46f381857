package com.bulletiningest.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/** A text stripper that keeps each visual line with its geometry and font instead of writing plain text. */
class LineCollector extends PDFTextStripper {

    /** CSS/OpenType weights from semibold up are what a reader sees as bold. */
    private static final float BOLD_WEIGHT = 600;
    private static final String[] BOLD_NAMES = {"bold", "black", "heavy"};

    private final List<TextLine> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private TextPosition first;
    private TextPosition last;
    private float fontSize;
    /** Per page: glyphs shown, and those of them without a Unicode mapping (which text extraction drops or garbles). */
    private final Map<Integer, int[]> glyphs = new HashMap<>();

    LineCollector() {
        setSortByPosition(true);
    }

    List<TextLine> lines() {
        return lines;
    }

    /** {glyphs shown, glyphs without Unicode} on the page. */
    int[] glyphs(int page) {
        return glyphs.getOrDefault(page, new int[2]);
    }

    @Override
    protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement) throws IOException {
        super.showGlyph(matrix, font, code, displacement);
        int[] counts = glyphs.computeIfAbsent(getCurrentPageNo(), p -> new int[2]);
        counts[0]++;
        if (font.toUnicode(code) == null) {
            counts[1]++;
        }
    }

    @Override
    protected void writeString(String chunk, List<TextPosition> positions) {
        if (positions.isEmpty()) {
            return;
        }
        if (first == null) {
            first = positions.get(0);
        }
        last = positions.get(positions.size() - 1);
        for (TextPosition position : positions) {
            fontSize = Math.max(fontSize, position.getFontSizeInPt());
        }
        text.append(chunk);
    }

    @Override
    protected void writeWordSeparator() {
        text.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        flush();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        flush();
        super.endPage(page);
    }

    private void flush() {
        String line = TextNormalizer.normalize(text.toString()).strip();
        if (first != null && !line.isEmpty()) {
            TextLine above = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            float lineHeight = above != null && above.page() == getCurrentPageNo() ? first.getYDirAdj() - above.y() : 0;
            lines.add(new TextLine(getCurrentPageNo(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                    first.getYDirAdj(), first.getHeightDir(), fontSize, isBold(first.getFont()), lineHeight, line));
        }
        text.setLength(0);
        first = null;
        last = null;
        fontSize = 0;
    }

    /** Bold by the font's name (NotoSansSC-Bold, SimHei-Bold, …), its descriptor's weight or its force-bold flag. */
    static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (descriptor != null && (descriptor.getFontWeight() >= BOLD_WEIGHT || descriptor.isForceBold())) {
            return true;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        for (String bold : BOLD_NAMES) {
            if (name.contains(bold)) {
                return true;
            }
        }
        return false;
    }
}
