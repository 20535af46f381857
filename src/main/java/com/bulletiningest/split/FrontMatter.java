package com.bulletiningest.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.bulletiningest.extract.TextLine;

/**
 * The cover and contents pages in front of a bulletin, recognised by their shape, never by their words: a contents
 * page has a 目录 heading, or many lines that end in dot leaders and page numbers or repeat section headings and
 * numbered titles printed later; a cover page holds a few lines, most of them larger than the text. Such pages count only at the front:
 * the first page that is neither starts the bulletin. Their lines never become sections, groups or notices.
 */
final class FrontMatter {

    private static final Pattern CONTENTS_HEADING = Pattern.compile("^(?:目\\s*录|目\\s*次|CONTENTS|Contents)$");
    /** Dot leaders (…… ····· ......) or a blank run, then a page number, at the end of a line. */
    private static final Pattern LEADER_AND_PAGE = Pattern.compile("(?:[.…·・．。\\-_]{2,}|\\s)\\s*\\d{1,3}$");
    private static final Pattern NUMBER_PREFIX = Pattern.compile("^\\d{1,3}\\s*[、.．]\\s*");
    private static final int MIN_REPEATED_CHARS = 4;
    /** Contents entries wrap, so their numbered first lines are fewer than all lines of the page. */
    private static final double CONTENTS_SHARE = 0.4;
    private static final int MIN_LISTED = 3;
    private static final int MAX_COVER_LINES = 8;
    private static final float COVER_FONT_RATIO = 1.3f;

    private FrontMatter() {
    }

    /** The lines from the first page of the bulletin proper on. */
    static List<TextLine> skip(List<TextLine> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        float bodySize = medianFontSize(lines);
        int from = 0;
        while (from < lines.size()) {
            int page = lines.get(from).page();
            int to = from;
            while (to < lines.size() && lines.get(to).page() == page) {
                to++;
            }
            List<TextLine> pageLines = lines.subList(from, to);
            if (!isContents(pageLines, lines.subList(to, lines.size())) && !isCover(pageLines, bodySize)) {
                break;
            }
            from = to;
        }
        return from == lines.size() ? lines : lines.subList(from, lines.size());
    }

    private static boolean isContents(List<TextLine> page, List<TextLine> after) {
        if (page.stream().anyMatch(l -> CONTENTS_HEADING.matcher(Texts.squeeze(l.text())).matches())) {
            return true;
        }
        // the rest of the bulletin squeezed only for a page that has a heading or title to look for in it
        String later = page.stream().anyMatch(FrontMatter::isHeading) ? squeezed(after) : "";
        long listing = page.stream().filter(l -> LEADER_AND_PAGE.matcher(l.text()).find() || listsLaterHeading(l, later)).count();
        return listing >= MIN_LISTED && listing >= CONTENTS_SHARE * page.size();
    }

    /** A section heading or numbered title that is printed again further on: a contents entry. */
    private static boolean listsLaterHeading(TextLine line, String later) {
        if (!isHeading(line)) {
            return false;
        }
        String text = Texts.squeeze(NUMBER_PREFIX.matcher(line.text()).replaceFirst(""));
        return text.length() >= MIN_REPEATED_CHARS && later.contains(text);
    }

    private static boolean isHeading(TextLine line) {
        return SectionHeading.parse(line.text()) != null || Numbered.parse(line.text()) != null;
    }

    /** A few lines, most of them set larger than the text, and no numbered line. */
    private static boolean isCover(List<TextLine> page, float bodySize) {
        long large = page.stream().filter(l -> l.fontSize() >= COVER_FONT_RATIO * bodySize).count();
        return page.size() <= MAX_COVER_LINES && large * 2 >= page.size()
                && page.stream().noneMatch(l -> Numbered.parse(l.text()) != null);
    }

    private static float medianFontSize(List<TextLine> lines) {
        float[] sizes = new float[lines.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = lines.get(i).fontSize();
        }
        Arrays.sort(sizes);
        return sizes[sizes.length / 2];
    }

    private static String squeezed(List<TextLine> lines) {
        StringBuilder text = new StringBuilder();
        for (TextLine line : lines) {
            text.append(Texts.squeeze(line.text()));
        }
        return text.toString();
    }
}
