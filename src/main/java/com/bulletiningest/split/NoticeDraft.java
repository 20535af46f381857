package com.bulletiningest.split;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.bulletiningest.extract.TextLine;

/** A notice being read: its title lines, body lines and links. */
final class NoticeDraft {
    private final Numbered number;
    private final List<TextLine> titleLines;
    private final List<TextLine> bodyLines = new ArrayList<>();
    private final Set<String> links = new LinkedHashSet<>();
    private final Set<String> bodyLinks = new LinkedHashSet<>();
    private final Layout layout;
    /** The body text run in after the title on its last line, or null. */
    private final String runInBody;
    /** Title, issuer and date as a table row's cells give them, or null for a notice printed as a heading. */
    private TitleParts tableParts;

    NoticeDraft(Numbered number, List<TextLine> titleLines, String runInBody, Layout layout) {
        this.number = number;
        this.titleLines = List.copyOf(titleLines);
        this.layout = layout;
        this.runInBody = runInBody;
        if (runInBody != null) {
            TextLine last = titleLines.get(titleLines.size() - 1);
            bodyLines.add(new TextLine(last.page(), last.x(), last.endX(), last.y(), last.height(), last.fontSize(), false,
                    last.lineHeight(), runInBody, last.columnOffset(), last.columnWidth(), 0, List.of()));
        }
    }

    /** A notice listed as a table row: the row is its title line, its cells give title, issuer and date. */
    static NoticeDraft tableRow(TextLine row, NoticeTable.Entry entry, Layout layout) {
        NoticeDraft notice = new NoticeDraft(new Numbered(entry.no(), '#', entry.parts().title()), List.of(row), null, layout);
        notice.tableParts = entry.parts();
        return notice;
    }

    void addBody(TextLine line) {
        bodyLines.add(line);
    }

    List<TextLine> lines() {
        List<TextLine> all = new ArrayList<>(titleLines);
        all.addAll(bodyLines);
        return all;
    }

    boolean isTitleLine(TextLine line) {
        return titleLines.stream().anyMatch(l -> l == line);
    }

    void addLink(String uri, boolean title) {
        if (title) {
            links.add(uri);
        } else if (!links.contains(uri)) {
            bodyLinks.add(uri);
        }
    }

    Notice build() {
        TitleParts parts = tableParts != null ? tableParts : TitleParts.parse(headingText(number, titleLines, runInBody));
        TextLine lastLine = bodyLines.isEmpty() ? titleLines.get(titleLines.size() - 1) : bodyLines.get(bodyLines.size() - 1);
        return new Notice(number.no(), parts.title(), parts.issuer(), parts.date(), parts.source(), parts.published(),
                titleLines.get(0).page(), lastLine.page(), List.copyOf(links), List.copyOf(bodyLinks),
                BodyText.join(bodyLines, layout));
    }

    /** The title lines as one heading (without the number), less the body text run in after it. */
    static String headingText(Numbered number, List<TextLine> titleLines, String runInBody) {
        StringBuilder text = new StringBuilder(number.rest());
        for (int i = 1; i < titleLines.size(); i++) {
            text.append(TitleParts.LINE_BREAK).append(titleLines.get(i).text());
        }
        if (runInBody != null && text.toString().endsWith(runInBody)) {
            text.setLength(text.length() - runInBody.length());
        }
        return text.toString().strip();
    }
}
