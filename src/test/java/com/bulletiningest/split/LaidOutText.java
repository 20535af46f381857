package com.bulletiningest.split;

import java.util.ArrayList;
import java.util.List;

import com.bulletiningest.extract.ExtractedPdf;
import com.bulletiningest.extract.LinkAnnotation;
import com.bulletiningest.extract.TextLine;
import com.bulletiningest.extract.UnreadableBulletinException;

/**
 * Lines laid out the way a bulletin PDF extracts, for splitter rules the corpus does not show: CJK characters one em
 * wide, Latin half, leading spaces as indentation, paragraphs wrapped at a fixed number of ems, titles bold or not.
 */
final class LaidOutText {

    /** A long paragraph, so that wrapped lines fill the width as in a real bulletin. */
    static final String PROSE = "为深入贯彻落实党中央国务院决策部署，进一步优化营商环境，推动高质量发展，现就有关事项通知如下，"
            + "请各单位结合实际认真组织实施，确保各项任务落到实处，取得实效，并及时报送工作进展情况和存在的问题。";

    private static final float LEFT = 52.6f;
    private static final float EM = 9f;
    private static final float LEADING = 18f;
    private static final float TOP = 60f;
    private static final int WRAP_EMS = 54;

    private final List<TextLine> lines = new ArrayList<>();
    private final List<LinkAnnotation> links = new ArrayList<>();
    private int page = 1;
    private float y = TOP;

    /** One line as printed; leading spaces indent it. */
    LaidOutText line(String printed) {
        return line(printed, false);
    }

    /** A title line, set bold or not. */
    LaidOutText title(String printed, boolean bold) {
        return line(printed, bold);
    }

    private LaidOutText line(String printed, boolean bold) {
        int indent = printed.length() - printed.stripLeading().length();
        String text = printed.strip();
        float x = LEFT + indent * EM / 2.5f;
        TextLine above = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        float lineHeight = above != null && above.page() == page ? y - above.y() : 0;
        lines.add(new TextLine(page, x, x + ems(text) * EM, y, 4.5f, EM, bold, lineHeight, text));
        y += LEADING;
        return this;
    }

    /** A line that starts with a bold run (a run-in title) and goes on in regular type. */
    LaidOutText runIn(String bold, String regular) {
        line(bold + regular, true);
        TextLine l = lines.remove(lines.size() - 1);
        lines.add(new TextLine(l.page(), l.x(), l.endX(), l.y(), l.height(), l.fontSize(), true, l.lineHeight(), l.text(), 0, 0,
                bold.strip().length(), List.of()));
        return this;
    }

    /** A table row read cell by cell. */
    LaidOutText row(String... cells) {
        line(String.join(" ", cells));
        TextLine l = lines.remove(lines.size() - 1);
        lines.add(new TextLine(l.page(), l.x(), l.endX(), l.y(), l.height(), l.fontSize(), false, l.lineHeight(), l.text(), 0, 0, 0,
                List.of(cells)));
        return this;
    }

    LaidOutText lines(String... printed) {
        for (String line : printed) {
            line(line);
        }
        return this;
    }

    /** A paragraph wrapped at the text width, its last line short. */
    LaidOutText paragraph(String text) {
        return paragraph(text, WRAP_EMS);
    }

    /** A paragraph wrapped at {@code wrapEms} (a line ends once it is that wide), its last line short. */
    LaidOutText paragraph(String text, int wrapEms) {
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            current.append(text.charAt(i));
            if (ems(current.toString()) >= wrapEms) {
                line(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            line(current.toString());
        }
        return this;
    }

    /** A URI link annotation over the last line. */
    LaidOutText link(String uri) {
        return link(uri, 0);
    }

    /** A URI link annotation over the last line, drawn {@code raised} points higher than the line. */
    LaidOutText link(String uri, float raised) {
        TextLine last = lines.get(lines.size() - 1);
        links.add(new LinkAnnotation(last.page(), uri, last.x(), last.y() - 7.6f - raised, last.endX(), last.y() + 1.8f - raised));
        return this;
    }

    /** A URI link annotation over the line that starts with {@code start}. */
    LaidOutText linkOverLineStartingWith(String start, String uri) {
        TextLine line = lines.stream().filter(l -> l.text().startsWith(start)).findFirst().orElseThrow();
        links.add(new LinkAnnotation(line.page(), uri, line.x(), line.y() - 7.6f, line.endX(), line.y() + 1.8f));
        return this;
    }

    LaidOutText newPage() {
        page++;
        y = TOP;
        return this;
    }

    /** The lines split with the default categories. */
    Bulletin split() throws UnreadableBulletinException {
        return new BulletinSplitter(Categories::defaults).split(pdf());
    }

    ExtractedPdf pdf() {
        return new ExtractedPdf(page, lines, links);
    }

    private static float ems(String text) {
        float ems = 0;
        for (int i = 0; i < text.length(); i++) {
            ems += text.charAt(i) < 0x2000 ? 0.5f : 1f;
        }
        return ems;
    }
}
