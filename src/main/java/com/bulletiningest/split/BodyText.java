package com.bulletiningest.split;

import java.util.List;

import com.bulletiningest.extract.TextLine;

/** Joins body lines into paragraphs: a line that fills the width goes on in the next one unless that one is indented. */
final class BodyText {

    private BodyText() {
    }

    static String join(List<TextLine> lines, Layout layout) {
        StringBuilder body = new StringBuilder();
        TextLine previous = null;
        for (TextLine line : lines) {
            boolean continues = previous != null && layout.isFull(previous) && !Texts.endsClause(previous.text())
                    && layout.atMargin(line);
            if (previous != null && !continues) {
                body.append('\n');
            }
            body.append(line.text());
            previous = line;
        }
        return body.toString();
    }
}
