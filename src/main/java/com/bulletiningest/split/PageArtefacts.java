package com.bulletiningest.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.bulletiningest.extract.TextLine;

/**
 * Finds what the page layout adds to the text: running headers and footers (the same line, numbers aside, at the same
 * height on several pages) and page numbers at the top or bottom of a page.
 */
final class PageArtefacts {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—–]\\s*\\d+\\s*[-—–]|\\d+|第\\s*\\d+\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d+\\s*页)?|\\d+\\s*/\\s*\\d+|(?i:page)\\s*\\d+(?:\\s*(?i:of)\\s*\\d+)?)$");
    /** Lines this close to the top or bottom of their page may be headers or footers. */
    private static final int EDGE_LINES = 2;
    private static final float SAME_HEIGHT = 3f;
    private static final double MIN_SHARE_OF_PAGES = 0.5;

    private PageArtefacts() {
    }

    /** The lines without headers, footers and page numbers. */
    static List<TextLine> remove(List<TextLine> lines) {
        Map<Integer, List<TextLine>> byPage = new HashMap<>();
        for (TextLine line : lines) {
            byPage.computeIfAbsent(line.page(), p -> new ArrayList<>()).add(line);
        }
        Set<TextLine> edges = new HashSet<>();
        for (List<TextLine> page : byPage.values()) {
            for (int i = 0; i < page.size(); i++) {
                if (i < EDGE_LINES || i >= page.size() - EDGE_LINES) {
                    edges.add(page.get(i));
                }
            }
        }
        Map<String, List<TextLine>> byText = new HashMap<>();
        for (TextLine line : edges) {
            byText.computeIfAbsent(key(line), k -> new ArrayList<>()).add(line);
        }
        int pages = byPage.size();
        // running heads are on (nearly) every page; a date or 特此通知。 may end a few pages at the same height by chance
        long enough = pages < 3 ? Math.max(2, pages) : Math.max(3, Math.round(pages * MIN_SHARE_OF_PAGES));
        List<TextLine> kept = new ArrayList<>(lines.size());
        for (TextLine line : lines) {
            boolean artefact = edges.contains(line) && (PAGE_NUMBER.matcher(line.text()).matches()
                    || pagesAtSameHeight(line, byText.get(key(line))) >= enough);
            if (!artefact) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static long pagesAtSameHeight(TextLine line, List<TextLine> sameText) {
        return sameText.stream().filter(other -> Math.abs(other.y() - line.y()) <= SAME_HEIGHT).map(TextLine::page).distinct().count();
    }

    /** The text with numbers masked, so that 第 1 页 and 第 2 页 are the same header. */
    private static String key(TextLine line) {
        return line.text().replaceAll("\\d+", "#").replaceAll("\\s+", "");
    }
}
