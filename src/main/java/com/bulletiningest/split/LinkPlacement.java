package com.bulletiningest.split;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.bulletiningest.extract.LinkAnnotation;
import com.bulletiningest.extract.TextLine;

/**
 * Which line each link annotation was drawn over: the line its rectangle covers, else the nearest on its page within
 * a line's height (a rectangle drawn a little off its line).
 * <p>
 * Producers mostly list a page's annotations in document order, which is the reading order: where most of the
 * document's do, each placement says whether it keeps to the longest run of its page's that does. One that does not
 * may be a fragment drawn in the wrong place (Chromium draws fragments of a link in a multi-column layout a column and
 * some lines off, over another notice's lines, besides those over the link's own text); or it is just listed early
 * (Writer lists a wrapped title's last line first), so order alone decides nothing.
 */
final class LinkPlacement {

    /** How far (in points) a link rectangle drawn a little off its line may be from the line's baseline. */
    private static final float NEAR_LINK = 6f;

    record Placed(LinkAnnotation link, TextLine line, boolean inOrder) {
    }

    private LinkPlacement() {
    }

    /** The annotations placed on lines, in the order listed. */
    static List<Placed> of(List<LinkAnnotation> links, List<TextLine> lines) {
        Map<TextLine, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            position.put(lines.get(i), i);
        }
        Map<Integer, List<Placed>> byPage = new LinkedHashMap<>();
        for (LinkAnnotation link : links) {
            lineUnder(link, lines).ifPresent(line -> byPage.computeIfAbsent(link.page(), p -> new ArrayList<>())
                    .add(new Placed(link, line, true)));
        }
        List<Placed> placed = new ArrayList<>();
        for (List<Placed> page : byPage.values()) {
            boolean[] inOrder = inReadingOrder(page, position);
            for (int i = 0; i < page.size(); i++) {
                placed.add(new Placed(page.get(i).link(), page.get(i).line(), inOrder[i]));
            }
        }
        if (2 * placed.stream().filter(Placed::inOrder).count() <= placed.size()) {
            // the document lists its annotations in no reading order
            return placed.stream().map(p -> new Placed(p.link(), p.line(), true)).toList();
        }
        return placed;
    }

    /**
     * Which of a page's placed annotations keep to the reading order: the longest run of them, in the order listed,
     * whose lines never go back.
     */
    private static boolean[] inReadingOrder(List<Placed> page, Map<TextLine, Integer> position) {
        int n = page.size();
        int[] length = new int[n];
        int[] previous = new int[n];
        int last = 0;
        if (n == 0) {
            return new boolean[0];
        }
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (position.get(page.get(j).line()) <= position.get(page.get(i).line()) && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            last = length[i] > length[last] ? i : last;
        }
        boolean[] inOrder = new boolean[n];
        for (int i = last; i >= 0; i = previous[i]) {
            inOrder[i] = true;
        }
        return inOrder;
    }

    /** The line a link was drawn over: the one it covers, else the nearest on its page within a line's height. */
    private static Optional<TextLine> lineUnder(LinkAnnotation link, List<TextLine> lines) {
        Optional<TextLine> covered = lines.stream().filter(link::covers).findFirst();
        if (covered.isPresent()) {
            return covered;
        }
        float middle = (link.top() + link.bottom()) / 2;
        return lines.stream()
                .filter(l -> l.page() == link.page() && l.endX() > link.left() && l.x() < link.right())
                .filter(l -> Math.abs(l.y() - l.height() / 2 - middle) <= link.bottom() - link.top() + NEAR_LINK)
                .min(Comparator.comparingDouble(l -> Math.abs(l.y() - l.height() / 2 - middle)));
    }
}
