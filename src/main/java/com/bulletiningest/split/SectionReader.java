package com.bulletiningest.split;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.bulletiningest.extract.LinkAnnotation;
import com.bulletiningest.extract.TextLine;
import com.bulletiningest.split.BulletinSplitter.NoticeDraft;
import com.bulletiningest.split.BulletinSplitter.SectionDraft;

/**
 * Reads the lines of one section (between its heading and its sign-off) into groups and notices.
 * <p>
 * A numbered line opens a notice when it starts at the margin, does not carry on a wrapped line, uses the section's
 * numbering style and has the next number (1 again right after a group label). When an inner list of the body could
 * have that number too, the line must also look like a title: a link over it, or an issuer/date or media name after it.
 */
final class SectionReader {

    private static final int MAX_LABEL_CHARS = 12;
    private static final float LABEL_SHARE = 0.4f;
    private static final int MAX_TITLE_LINES = 4;
    private static final Pattern LABEL_FORBIDDEN = Pattern.compile("[\\d《》“”\"（）()【】\\[\\]、，,。：:；;？?！!/]");
    private static final Pattern TITLE_END = Pattern.compile(
            ".*(通知|通告|公告|公示|意见|意见稿|办法|决定|规定|细则|方案|指南|措施|要点|报告|批复|函|答复|解答|名单|目录|[）)》”])$");

    private final List<TextLine> lines;
    private final Layout layout;
    private final Categories categories;
    private final Map<TextLine, List<LinkAnnotation>> annotations;
    private final SectionDraft section;

    private Character style;
    private int lastNo;
    private boolean afterLabel = true;
    private Character innerStyle;
    private int innerLast;
    private NoticeDraft notice;

    SectionReader(List<TextLine> lines, Layout layout, Categories categories,
                  Map<TextLine, List<LinkAnnotation>> annotations, SectionDraft section) {
        this.lines = lines;
        this.layout = layout;
        this.categories = categories;
        this.annotations = annotations;
        this.section = section;
    }

    void read() {
        int i = 0;
        while (i < lines.size()) {
            TextLine line = lines.get(i);
            if (isGroupLabel(i)) {
                section.startGroup(line.text());
                afterLabel = true;
                notice = null;
                i++;
                continue;
            }
            Numbered numbered = Numbered.parse(line.text());
            if (numbered != null && opensNotice(i, numbered)) {
                int last = titleEnd(i, numbered);
                notice = new NoticeDraft(numbered, lines.subList(i, last + 1), layout);
                section.add(notice);
                style = numbered.style();
                lastNo = numbered.no();
                afterLabel = false;
                innerStyle = null;
                i = last + 1;
                continue;
            }
            if (numbered != null && !continuesPrevious(i)) {
                trackInnerList(numbered);
            }
            if (notice != null) {
                notice.addBody(line);
            }
            i++;
        }
    }

    private boolean opensNotice(int i, Numbered numbered) {
        TextLine line = lines.get(i);
        if (!layout.atMargin(line) || continuesPrevious(i) || style != null && numbered.style() != style) {
            return false;
        }
        if (afterLabel) {
            return numbered.no() == 1 || numbered.no() == lastNo + 1;
        }
        boolean innerListGoesOn = innerStyle != null && innerStyle == numbered.style() && innerLast + 1 == numbered.no();
        if (numbered.no() == lastNo + 1) {
            return !innerListGoesOn || looksLikeTitle(i, numbered);
        }
        // a skipped number is only believed when the line carries a title link
        return numbered.no() > lastNo + 1 && !innerListGoesOn && annotations.containsKey(line);
    }

    private void trackInnerList(Numbered numbered) {
        if (numbered.no() == 1) {
            innerStyle = numbered.style();
            innerLast = 1;
        } else if (innerStyle != null && innerStyle == numbered.style() && numbered.no() == innerLast + 1) {
            innerLast = numbered.no();
        }
    }

    private boolean looksLikeTitle(int i, Numbered numbered) {
        int last = titleEnd(i, numbered);
        return annotations.containsKey(lines.get(i))
                || TitleParts.hasTrailer(NoticeDraft.headingText(numbered, lines.subList(i, last + 1)));
    }

    /** A group label: a short line of its own, no number or sentence, right before the first notice of the group. */
    private boolean isGroupLabel(int i) {
        if (i + 1 >= lines.size()) {
            return false;
        }
        TextLine next = lines.get(i + 1);
        Numbered first = Numbered.parse(next.text());
        if (first == null || !layout.atMargin(next) || style != null && first.style() != style
                || first.no() != 1 && first.no() != lastNo + 1) {
            return false;
        }
        String text = lines.get(i).text();
        if (categories.isKnownGroupLabel(text)) {
            return true;
        }
        String squeezed = Texts.squeeze(text);
        return !squeezed.isEmpty() && squeezed.length() <= MAX_LABEL_CHARS && !LABEL_FORBIDDEN.matcher(squeezed).find()
                && !Texts.isEnumerated(squeezed) && layout.isShorterThan(lines.get(i), LABEL_SHARE) && !continuesPrevious(i);
    }

    /** Whether the line is the rest of the line before it, wrapped: that one fills the width and ends no clause. */
    private boolean continuesPrevious(int i) {
        if (i == 0) {
            return false;
        }
        TextLine previous = lines.get(i - 1);
        return layout.isFull(previous) && !Texts.endsClause(previous.text());
    }

    /** The last line of the title that starts at line i. */
    private int titleEnd(int i, Numbered numbered) {
        int last = i;
        String heading = numbered.rest();
        while (last + 1 < lines.size() && last - i + 1 < MAX_TITLE_LINES) {
            TextLine next = lines.get(last + 1);
            if (Numbered.parse(next.text()) != null && layout.atMargin(next) || isGroupLabel(last + 1)
                    || !continuesTitle(lines.get(last), next, heading)) {
                break;
            }
            heading += next.text();
            last++;
            if (TitleParts.isMediaLine(next.text())) {
                break;
            }
        }
        return last;
    }

    private boolean continuesTitle(TextLine current, TextLine next, String heading) {
        if (TitleParts.isMediaLine(next.text()) || sameLink(current, next) || !Texts.balanced(heading)) {
            return true;
        }
        if (TitleParts.endsWithIssuerDate(next.text()) && !TitleParts.endsWithIssuerDate(heading) && !layout.isFull(next)) {
            return true;
        }
        if (next.text().startsWith("发布时间") && !heading.contains("发布时间")) {
            return true;
        }
        return layout.isFull(current) && !Texts.endsClause(current.text()) && !TITLE_END.matcher(heading).matches();
    }

    private boolean sameLink(TextLine a, TextLine b) {
        List<LinkAnnotation> first = annotations.get(a);
        List<LinkAnnotation> second = annotations.get(b);
        return first != null && second != null
                && first.stream().anyMatch(x -> second.stream().anyMatch(y -> x.uri().equals(y.uri())));
    }
}
