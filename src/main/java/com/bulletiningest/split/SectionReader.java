package com.bulletiningest.split;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.bulletiningest.extract.LinkAnnotation;
import com.bulletiningest.extract.TextLine;

/**
 * Reads the lines of one section (between its heading and its sign-off) into groups and notices.
 * <p>
 * A numbered line opens a notice when it starts at the margin, uses the section's numbering style and has the next
 * number (1 again right after a group label). When it may be the wrapped rest of the line before, or an inner list of
 * the body could have that number too, it must also look like a title: a link over it, an issuer/date or media name
 * after it, or a document type (通知, 公告 …) ending it. A title goes on over the next lines while a bracket is open,
 * the same link covers them, or the line was wrapped and its rest (issuer/date, media name) follows; an issuer and date
 * that wraps cut over lines of their own (a narrow column) end it.
 */
final class SectionReader {

    private static final int MIN_LABEL_CHARS = 2;
    private static final int MAX_LABEL_CHARS = 12;
    private static final float LABEL_SHARE = 0.4f;
    /**
     * A title's lines hold at most this many characters (twice the longest title seen), so that a title whose end is
     * not recognised cannot take in the body; counted in characters, since a column a third of the page wide wraps a
     * title over five lines or more.
     */
    private static final int MAX_TITLE_CHARS = 150;
    /** An issuer and date cut by the wraps of a narrow column go on over at most this many lines. */
    private static final int MAX_TRAILER_LINES = 3;
    /** How an outline numbers a group label: （一）, (二) … */
    private static final Pattern OUTLINE_NUMBER = Pattern.compile("^[（(]([一二三四五六七八九十]{1,3})[）)]\\s*(?=\\S)");
    private static final Pattern LABEL_FORBIDDEN = Pattern.compile("[\\d《》“”\"（）()【】\\[\\]、，,。：:；;？?！!/]");
    private static final String DOCUMENT_TYPES = TitleParts.DOCUMENT_TYPES;
    private static final Pattern DOCUMENT_TYPE_END = Pattern.compile(".*(" + DOCUMENT_TYPES + ")([（(][^（）()]*[）)])?$");
    /** What follows the number of a line that continues an enumeration such as 附件 3、4）, not a title. */
    private static final Pattern REFERENCE_REST = Pattern.compile("^(?:[0-9０-９]+\\s*[）)、，,]|[）)，,。、；;])");
    /** How a complete title line may end: a document type or a closing bracket or quote. */
    private static final Pattern TITLE_END = Pattern.compile(".*(" + DOCUMENT_TYPES + "|[）)》”])$");

    private final List<TextLine> lines;
    private final Layout layout;
    private final Categories categories;
    private final Map<TextLine, List<LinkAnnotation>> annotations;
    private final SectionDraft section;
    private final Numbered.Scheme scheme;

    private Character style;
    private int lastNo;
    private boolean afterLabel = true;
    private Character innerStyle;
    private int innerLast;
    private NoticeDraft notice;
    /** The columns of the table of notices being read, from its header row; null outside tables. */
    private NoticeTable table;
    /** How many group labels of the section so far were outline-numbered （一）（二）…, all of them in sequence. */
    private int outlineLabels;
    private int labels;
    /** Whether every title of the section so far stood out bold, was linked. */
    private boolean siblingsBold = true;
    private boolean siblingsLinked = true;

    SectionReader(List<TextLine> lines, Layout layout, Categories categories,
                  Map<TextLine, List<LinkAnnotation>> annotations, SectionDraft section, Numbered.Scheme scheme) {
        this.scheme = scheme;
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
            if (line.isTableRow() && readTableRow(line)) {
                i++;
                continue;
            }
            if (isGroupLabel(i)) {
                section.startGroup(withoutOutlineNumber(line.text()));
                outlineLabels += OUTLINE_NUMBER.matcher(line.text()).find() ? 1 : 0;
                labels++;
                afterLabel = true;
                notice = null;
                i++;
                continue;
            }
            Numbered numbered = Numbered.parse(line.text(), scheme);
            if (numbered != null && opensNotice(i, numbered) && !outweighedByLaterCandidate(i, numbered)) {
                int last = titleEnd(i, numbered);
                notice = new NoticeDraft(numbered, lines.subList(i, last + 1), runInBody(last), layout);
                siblingsBold &= layout.standsOutBold(line);
                siblingsLinked &= annotations.containsKey(line);
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

    /**
     * Reads a table row: a header names the table's columns; a row with a number and a title is a notice, whatever
     * numbering the rest of the document uses. False when the row is neither (it is body text then).
     */
    private boolean readTableRow(TextLine row) {
        NoticeTable header = NoticeTable.header(row);
        if (header != null) {
            table = header;
            notice = null;
            return true;
        }
        NoticeTable.Entry entry = (table != null ? table : NoticeTable.guess(row)).entry(row, afterLabel ? 1 : lastNo + 1);
        if (entry == null || !afterLabel && entry.no() <= lastNo) {
            return false;
        }
        notice = NoticeDraft.tableRow(row, entry, layout);
        section.add(notice);
        lastNo = entry.no();
        afterLabel = false;
        return true;
    }

    private boolean opensNotice(int i, Numbered numbered) {
        TextLine line = lines.get(i);
        if (!layout.atTitleStart(line) || style != null && numbered.style() != style
                || continuesPrevious(i) && (!looksLikeTitle(i, numbered) || unlikeSiblings(line))) {
            return false;
        }
        if (afterLabel) {
            return numbered.no() == 1 || numbered.no() == lastNo + 1;
        }
        boolean innerListGoesOn = innerStyle != null && innerStyle == numbered.style() && innerLast + 1 == numbered.no();
        if (numbered.no() == lastNo + 1) {
            return !innerListGoesOn || looksLikeTitle(i, numbered) && !unlikeSiblings(line);
        }
        // a skipped number is only believed when the line carries a title link
        return numbered.no() > lastNo + 1 && !innerListGoesOn && annotations.containsKey(line);
    }

    /**
     * Whether a later line, before the next number or group label, could open the same notice and carries more evidence of a
     * title: then this one is a wrapped or listed line of the body ({@code 附件 3、4）} cut by the line end).
     */
    private boolean outweighedByLaterCandidate(int i, Numbered numbered) {
        int evidence = titleEvidence(i, numbered);
        for (int j = i + 1; j < lines.size() && !isGroupLabel(j); j++) {
            Numbered later = Numbered.parse(lines.get(j).text(), scheme);
            if (later == null || !layout.atTitleStart(lines.get(j)) || later.style() != numbered.style()) {
                continue;
            }
            if (later.no() == numbered.no() + 1) {
                return false;
            }
            if (later.no() == numbered.no() && titleEvidence(j, later) > evidence) {
                return true;
            }
        }
        return false;
    }

    /**
     * How much a numbered line looks like a title, each signal counting alone so that none decides: it starts a
     * paragraph (does not continue a full line), is linked, stands out bold, has space above, ends like a title; and
     * against it, a number that reads as part of a reference ({@code 3、4）}) or a sentence ending.
     */
    private int titleEvidence(int i, Numbered numbered) {
        TextLine line = lines.get(i);
        int evidence = continuesPrevious(i) ? -2 : 2;
        evidence += annotations.containsKey(line) ? 2 : 0;
        evidence += layout.standsOutBold(line) ? 2 : 0;
        evidence += layout.hasSpaceAbove(line) ? 1 : 0;
        evidence += looksLikeTitle(i, numbered) ? 1 : 0;
        evidence -= REFERENCE_REST.matcher(numbered.rest()).find() ? 2 : 0;
        evidence -= Texts.endsClause(line.text()) ? 1 : 0;
        return evidence;
    }

    /** A doubtful candidate that lacks the bold or link that every title of the section before it had. */
    private boolean unlikeSiblings(TextLine line) {
        return style != null
                && (siblingsBold && !layout.standsOutBold(line) || siblingsLinked && !annotations.containsKey(line));
    }

    private void trackInnerList(Numbered numbered) {
        if (numbered.no() == 1) {
            innerStyle = numbered.style();
            innerLast = 1;
        } else if (innerStyle != null && innerStyle == numbered.style() && numbered.no() == innerLast + 1) {
            innerLast = numbered.no();
        }
    }

    /** Evidence beyond numbering: a link over the line, an issuer/date or media name after it, a document-type ending. */
    private boolean looksLikeTitle(int i, Numbered numbered) {
        if (annotations.containsKey(lines.get(i))) {
            return true;
        }
        int last = titleEnd(i, numbered);
        String heading = NoticeDraft.headingText(numbered, lines.subList(i, last + 1), runInBody(last));
        return TitleParts.hasTrailer(heading) || DOCUMENT_TYPE_END.matcher(TitleParts.unwrap(heading)).matches();
    }

    /** A group label: a short line of its own, no number or sentence, right before the first notice of the group. */
    private boolean isGroupLabel(int i) {
        if (i + 1 >= lines.size()) {
            return false;
        }
        TextLine next = lines.get(i + 1);
        Numbered first = next.isTableRow() ? null : Numbered.parse(next.text(), scheme);
        if (lines.get(i).isTableRow() || !next.isTableRow() && (first == null || !layout.atTitleStart(next)
                || style != null && first.style() != style || first.no() != 1 && first.no() != lastNo + 1)) {
            return false;
        }
        Matcher outline = OUTLINE_NUMBER.matcher(lines.get(i).text());
        if (outline.find() && !continuesOutline(Numbered.chinese(outline.group(1)))) {
            return false;
        }
        String text = withoutOutlineNumber(lines.get(i).text());
        if (categories.isKnownGroupLabel(text)) {
            return true;
        }
        String squeezed = Texts.squeeze(text);
        // after a line that seems to wrap into it, a label needs numbering to restart with a notice that looks like one
        return squeezed.length() >= MIN_LABEL_CHARS && squeezed.length() <= MAX_LABEL_CHARS
                && !LABEL_FORBIDDEN.matcher(squeezed).find() && !Texts.isEnumerated(squeezed)
                && layout.isShorterThan(lines.get(i), LABEL_SHARE)
                && (!continuesPrevious(i) || first != null && first.no() == 1 && looksLikeTitle(i + 1, first));
    }

    /**
     * Whether an outline number (（一）, （二）…) goes on the section's group labels: （一） before the first notice,
     * each next one after labels all numbered so far; elsewhere it numbers a list in a notice body.
     */
    private boolean continuesOutline(int number) {
        return number == outlineLabels + 1 && outlineLabels == labels && (number > 1 || notice == null && section.notices().isEmpty());
    }

    /** A group label without the outline number before it: （一）国家级 is the group 国家级. */
    static String withoutOutlineNumber(String label) {
        return OUTLINE_NUMBER.matcher(label).replaceFirst("");
    }

    /** Whether the line is the rest of the line before it, wrapped: that one fills the width and ends no clause. */
    private boolean continuesPrevious(int i) {
        if (i == 0) {
            return false;
        }
        TextLine previous = lines.get(i - 1);
        // a wrap goes on at the margin: an indented line starts a paragraph
        return layout.isFull(previous) && !Texts.endsClause(previous.text()) && !layout.isIndented(lines.get(i));
    }

    /** The last line of the title that starts at line i. */
    private int titleEnd(int i, Numbered numbered) {
        int last = i;
        String heading = numbered.rest();
        while (runInBody(last) == null && last + 1 < lines.size()) {
            TextLine next = lines.get(last + 1);
            int wraps = trailerLines(last);
            if (wraps > 0) {
                heading += joined(last + 1, last + wraps, TitleParts.LINE_BREAK);
                last += wraps;
                continue;
            }
            if (Numbered.parse(next.text(), scheme) != null && layout.atTitleStart(next) || isGroupLabel(last + 1)) {
                break;
            }
            int trailer = TitleParts.hasTrailer(heading) ? 0 : trailerAlone(last + 1);
            if (trailer > 0) {
                return last + trailer;
            }
            if (Texts.squeeze(heading + next.text()).length() > MAX_TITLE_CHARS
                    || !continuesTitle(lines.get(last), next, heading)) {
                break;
            }
            heading += TitleParts.LINE_BREAK + next.text();
            last++;
            if (TitleParts.isMediaLine(next.text())) {
                break;
            }
        }
        return last;
    }

    /**
     * The body text that runs in after a bold title on line {@code i} (the weight changes, the paragraph goes on), or
     * null: what follows the bold run, less an issuer/date, media name or 发布时间 printed right after the title; on
     * the line after a run-in whose trailer the wrap cut, what follows the trailer's rest.
     */
    private String runInBody(int i) {
        if (isRunIn(lines.get(i))) {
            String rest = boldRest(lines.get(i));
            return trailerLines(i) > 0 ? null : emptyToNull(rest.substring(TitleParts.leadingTrailer(rest)).strip());
        }
        for (int k = 1; k <= MAX_TRAILER_LINES && k <= i && lines.get(i).boldChars() == 0; k++) {
            if (trailerLines(i - k) == k) {
                String joined = boldRest(lines.get(i - k)) + joined(i - k + 1, i, "");
                return emptyToNull(joined.substring(TitleParts.leadingTrailer(joined)).strip());
            }
        }
        return null;
    }

    /** The texts of lines {@code from} to {@code to}, each after the separator. */
    private String joined(int from, int to, String separator) {
        StringBuilder text = new StringBuilder();
        for (int j = from; j <= to; j++) {
            text.append(separator).append(lines.get(j).text());
        }
        return text.toString();
    }

    private boolean isRunIn(TextLine line) {
        return line.runsIn() && layout.standsOutBold(line);
    }

    private static String boldRest(TextLine line) {
        return line.text().substring(line.boldChars()).strip();
    }

    /**
     * Over how many of the next lines the trailer after a run-in title on line i goes on, cut by the line ends (a
     * narrow column wraps an issuer and its date over two or three); 0 when it ends on line i or there is none.
     */
    private int trailerLines(int i) {
        if (!isRunIn(lines.get(i))) {
            return 0;
        }
        String rest = boldRest(lines.get(i));
        if (rest.contains("来源")) {
            return 0; // a 来源 name ends its line: what follows is the body
        }
        String joined = rest;
        for (int k = 1; k <= MAX_TRAILER_LINES && i + k < lines.size(); k++) {
            TextLine next = lines.get(i + k);
            if (next.page() != lines.get(i).page() || next.boldChars() > 0) {
                return 0;
            }
            int before = joined.length();
            joined += next.text();
            if (TitleParts.leadingTrailer(joined) > before) {
                return k;
            }
        }
        return 0;
    }

    /**
     * How many lines from line j hold nothing but the issuer and date printed under a title, cut by a wrap (the issuer
     * on a line of its own, the date on the next); 0 when they do not. A trailer on one line is taken as the title's
     * wrapped rest (see {@link #continuesTitle}).
     */
    private int trailerAlone(int j) {
        String joined = lines.get(j).text();
        for (int k = 2; k <= MAX_TRAILER_LINES && j + k - 1 < lines.size(); k++) {
            TextLine line = lines.get(j + k - 1);
            if (line.page() != lines.get(j).page()) {
                return 0;
            }
            joined += line.text();
            if (TitleParts.leadingTrailer(joined) == joined.length()) {
                return k;
            }
        }
        return 0;
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private boolean continuesTitle(TextLine current, TextLine next, String heading) {
        if (TitleParts.isMediaLine(next.text()) || sameLink(current, next) || unbalanced(current, next, heading)) {
            return true;
        }
        boolean wrapped = layout.isFull(current) && !Texts.endsClause(current.text());
        if (TitleParts.hasTrailer(heading)) {
            // only the short rest of a 发布时间/来源 trailer cut by the wrap, never the body after it
            return TitleParts.endsWithOpenTrailer(heading) && (wrapped || TitleParts.endsWithEmptyField(heading))
                    && !layout.isFull(next) && !Texts.endsClause(next.text());
        }
        if (TitleParts.endsWithIssuerDate(next.text()) && !layout.isFull(next) || next.text().startsWith("发布时间")) {
            return true;
        }
        String title = TitleParts.unwrap(heading);
        if (wrapped && !layout.isFull(next) && !DOCUMENT_TYPE_END.matcher(title).matches()
                && DOCUMENT_TYPE_END.matcher(title + next.text()).matches()) {
            return true; // the wrap cut off the document type: …《工作要点》 / 的通知
        }
        return wrapped && !TITLE_END.matcher(title).matches();
    }

    /**
     * Whether the title so far leaves a bracket or quote open, so that the next line must close it. On a scanned page
     * only a full line or a next line that closes a bracket continues the title so: OCR misreads brackets and quotes
     * (》 as ）, ” as "), and a bracket it left open would take the whole notice body into the title.
     */
    private boolean unbalanced(TextLine current, TextLine next, String heading) {
        return !Texts.balanced(heading) && (!layout.isScanned(current) || layout.isFull(current)
                || next.text().chars().anyMatch(c -> "）)》”".indexOf(c) >= 0));
    }

    private boolean sameLink(TextLine a, TextLine b) {
        List<LinkAnnotation> first = annotations.get(a);
        List<LinkAnnotation> second = annotations.get(b);
        return first != null && second != null
                && first.stream().anyMatch(x -> second.stream().anyMatch(y -> x.uri().equals(y.uri())));
    }
}
