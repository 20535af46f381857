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
        Map<String, Set<Integer>> repeats = new HashMap<>();
        for (TextLine line : edges) {
            repeats.computeIfAbsent(key(line), k -> new HashSet<>()).add(line.page());
        }
        int pages = byPage.size();
        int enough = pages >= 3 ? 3 : Math.max(2, pages);
        List<TextLine> kept = new ArrayList<>(lines.size());
        for (TextLine line : lines) {
            boolean edge = edges.contains(line);
            boolean artefact = edge && (PAGE_NUMBER.matcher(line.text()).matches() || repeats.get(key(line)).size() >= enough);
            if (!artefact) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static String key(TextLine line) {
        return Math.round(line.y() / SAME_HEIGHT) + "|" + line.text().replaceAll("\\d+", "#").replaceAll("\\s+", "");
    }
}
