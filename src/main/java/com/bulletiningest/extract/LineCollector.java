package com.bulletiningest.extract;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * A text stripper that keeps each visual line with its geometry and font instead of writing plain text. Its one pass
 * over a page's content also collects the page's ruling lines ({@link Rulings}) and shows each glyph to the search
 * for repeated marks ({@link RepeatedMarks}).
 */
final class LineCollector extends PDFTextStripper {

    /** CSS/OpenType weights from semibold up are what a reader sees as bold. */
    private static final float BOLD_WEIGHT = 600;
    private static final String[] BOLD_NAMES = {"bold", "black", "heavy"};

    private final List<TextLine> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    /** Per character of {@code text}: whether it is set bold. */
    private final List<Boolean> boldText = new ArrayList<>();
    private final List<ReadingOrder.Article> articles = new ArrayList<>();
    /** The page before, whose columns or table this one may go on with. */
    private ReadingOrder.Page pageBefore = ReadingOrder.Page.NONE;
    private float columnOffset;
    private float columnWidth;
    private TextPosition first;
    private TextPosition last;
    private float fontSize;
    /** Whether each font met is bold ({@link #isBold}): asked per character, told by the font's dictionary. */
    private final Map<PDFont, Boolean> boldFonts = new HashMap<>();
    /** The font of the glyph before and its weight: a line's glyphs come in runs of one font. */
    private PDFont lastFont;
    private boolean lastFontBold;
    /** Per page: glyphs shown, and those of them without a Unicode mapping (which text extraction drops or garbles). */
    private final Map<Integer, int[]> glyphs = new HashMap<>();
    private int countsPage = -1;
    private int[] pageCounts;

    /** Where the document's upright watermarks stand (see {@link RepeatedMarks}): glyphs there are left out. */
    private final Set<RepeatedMarks.Place> marks;
    /** Looks for repeated marks, or null. */
    private final RepeatedMarks survey;
    private final Rulings rulings = new Rulings();

    private LineCollector(Set<RepeatedMarks.Place> marks, RepeatedMarks survey) {
        this.marks = marks;
        this.survey = survey;
        setSortByPosition(true);
        PathOperator.addAll(this, rulings);
        if (survey != null) {
            // the text stripper leaves colours unread; a light mark needs them
            addOperator(new SetNonStrokingColorSpace(this));
            addOperator(new SetNonStrokingColor(this));
            addOperator(new SetNonStrokingColorN(this));
            addOperator(new SetNonStrokingDeviceGrayColor(this));
            addOperator(new SetNonStrokingDeviceRGBColor(this));
            addOperator(new SetNonStrokingDeviceCMYKColor(this));
        }
    }

    /**
     * Reads the document's lines in one pass, which also looks for repeated marks where there are pages for a mark to
     * repeat on; only where it finds some (a stamp on every page) does a second pass read the lines without them.
     */
    static LineCollector read(PDDocument document) throws IOException {
        int pages = document.getNumberOfPages();
        RepeatedMarks survey = pages < 2 ? null : new RepeatedMarks(pages);
        LineCollector collector = new LineCollector(Set.of(), survey);
        collector.writeText(document, Writer.nullWriter());
        Set<RepeatedMarks.Place> marks = survey == null ? Set.of() : survey.marks();
        if (marks.isEmpty()) {
            return collector;
        }
        LineCollector withoutMarks = new LineCollector(marks, null);
        withoutMarks.writeText(document, Writer.nullWriter());
        return withoutMarks;
    }

    List<TextLine> lines() {
        return lines;
    }

    /** The current page's glyph counts, looked up once per page rather than per glyph. */
    private int[] glyphCounts() {
        if (countsPage != getCurrentPageNo()) {
            countsPage = getCurrentPageNo();
            pageCounts = glyphs.computeIfAbsent(countsPage, p -> new int[2]);
        }
        return pageCounts;
    }

    /** {glyphs shown, glyphs without Unicode} on the page. */
    int[] glyphs(int page) {
        return glyphs.getOrDefault(page, new int[2]);
    }

    @Override
    protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement) throws IOException {
        super.showGlyph(matrix, font, code, displacement);
        int[] counts = glyphCounts();
        counts[0]++;
        if (font.toUnicode(code) == null) {
            counts[1]++;
        }
    }

    /** Leaves out watermark glyphs (turned, see-through or repeated on every page), which lie over the page's text and would be read into its lines. */
    @Override
    protected void processTextPosition(TextPosition glyph) {
        if (survey != null) {
            survey.see(glyph, getCurrentPageNo(), getGraphicsState().getNonStrokingColor());
        }
        if (!Watermarks.isWatermark(glyph, getGraphicsState())
                && (marks.isEmpty() || !marks.contains(RepeatedMarks.Place.of(glyph)))) {
            super.processTextPosition(glyph);
        }
    }

    /** Reads a page set in columns column by column (see {@link ReadingOrder}). */
    @Override
    protected void writePage() throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        charactersByArticle.forEach(glyphs::addAll);
        charactersByArticle.clear();
        articles.clear();
        ReadingOrder.Page page = ReadingOrder.read(glyphs, pageBefore, RuledTable.find(rulings.rules()));
        pageBefore = page;
        for (ReadingOrder.Article article : page.articles()) {
            charactersByArticle.add(new ArrayList<>(article.glyphs()));
            articles.add(article);
        }
        super.writePage();
    }

    @Override
    protected void startArticle(boolean isLTR) throws IOException {
        ReadingOrder.Article article = articles.isEmpty() ? null : articles.remove(0);
        columnOffset = article == null ? 0 : article.columnOffset();
        columnWidth = article == null ? 0 : article.columnWidth();
        if (article != null && article.table() != null) {
            flush();
            for (TableFinder.Row row : article.table().rows()) {
                String text = String.join(" ", row.cells().stream().filter(c -> !c.isEmpty()).toList());
                TextLine above = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                float lineHeight = above != null && above.page() == getCurrentPageNo() ? Math.max(0, row.lastY() - above.y()) : 0;
                // a row's baseline is its last line's, its height all its lines': links over any of them cover it
                lines.add(new TextLine(getCurrentPageNo(), row.x(), row.endX(), row.lastY(), row.lastY() - row.top(),
                        row.fontSize(), false, lineHeight, text, 0, 0, 0, row.cells()));
            }
        }
        super.startArticle(isLTR);
    }

    /** A column or band ends its last line. */
    @Override
    protected void endArticle() throws IOException {
        flush();
        super.endArticle();
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
        // a chunk is a word of one font run mostly; its glyphs tell their weight one by one where they match up
        for (int i = 0; i < chunk.length(); i++) {
            TextPosition glyph = positions.get(Math.min(i * positions.size() / chunk.length(), positions.size() - 1));
            boldText.add(isBoldFont(glyph.getFont()));
        }
    }

    private boolean isBoldFont(PDFont font) {
        if (font != lastFont) {
            lastFont = font;
            lastFontBold = boldFonts.computeIfAbsent(font, LineCollector::isBold);
        }
        return lastFontBold;
    }

    @Override
    protected void writeWordSeparator() {
        text.append(' ');
        boldText.add(!boldText.isEmpty() && boldText.get(boldText.size() - 1));
    }

    @Override
    protected void writeLineSeparator() {
        flush();
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        rulings.startPage(page);
        super.startPage(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        flush();
        super.endPage(page);
    }

    private void flush() {
        String raw = TextNormalizer.normalize(text.toString());
        String line = raw.strip();
        if (first != null && !line.isEmpty()) {
            TextLine above = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            // the first line of a column has no line above it
            float lineHeight = above != null && above.page() == getCurrentPageNo() ? Math.max(0, first.getYDirAdj() - above.y()) : 0;
            lines.add(new TextLine(getCurrentPageNo(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                    first.getYDirAdj(), first.getHeightDir(), fontSize, isBold(first.getFont()), lineHeight, line,
                    columnOffset, columnWidth, boldChars(raw, line), List.of()));
        }
        text.setLength(0);
        boldText.clear();
        first = null;
        last = null;
        fontSize = 0;
    }

    /** How many characters of the stripped line, from its start, are bold (blanks go with the run they stand in). */
    private int boldChars(String raw, String line) {
        int from = raw.indexOf(line);
        int n = 0;
        while (n < line.length() && from + n < boldText.size() && boldText.get(from + n)) {
            n++;
        }
        // blanks between the bold run and the regular text belong to neither
        while (n > 0 && n < line.length() && Character.isWhitespace(line.charAt(n - 1))) {
            n--;
        }
        return n;
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
