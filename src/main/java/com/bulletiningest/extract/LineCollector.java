package com.bulletiningest.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** A text stripper that keeps each visual line with its geometry instead of writing plain text. */
class LineCollector extends PDFTextStripper {

    private final List<TextLine> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private TextPosition first;
    private TextPosition last;

    LineCollector() {
        setSortByPosition(true);
    }

    List<TextLine> lines() {
        return lines;
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
            lines.add(new TextLine(getCurrentPageNo(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                    first.getYDirAdj(), first.getHeightDir(), line));
        }
        text.setLength(0);
        first = null;
        last = null;
    }
}
