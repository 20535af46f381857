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

    NoticeDraft(Numbered number, List<TextLine> titleLines, Layout layout) {
        this.number = number;
        this.titleLines = List.copyOf(titleLines);
        this.layout = layout;
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
        TitleParts parts = TitleParts.parse(headingText(number, titleLines));
        TextLine lastLine = bodyLines.isEmpty() ? titleLines.get(titleLines.size() - 1) : bodyLines.get(bodyLines.size() - 1);
        return new Notice(number.no(), parts.title(), parts.issuer(), parts.date(), parts.source(), parts.published(),
                titleLines.get(0).page(), lastLine.page(), List.copyOf(links), List.copyOf(bodyLinks),
                BodyText.join(bodyLines, layout));
    }

    static String headingText(Numbered number, List<TextLine> titleLines) {
        StringBuilder text = new StringBuilder(number.rest());
        for (int i = 1; i < titleLines.size(); i++) {
            text.append(TitleParts.LINE_BREAK).append(titleLines.get(i).text());
        }
        return text.toString();
    }
}
