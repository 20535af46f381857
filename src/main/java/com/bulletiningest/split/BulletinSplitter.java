package com.bulletiningest.split;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.bulletiningest.extract.ExtractedPdf;
import com.bulletiningest.extract.LinkAnnotation;
import com.bulletiningest.extract.ScannedPage;
import com.bulletiningest.extract.TextLine;
import com.bulletiningest.extract.UnreadableBulletinException;
import com.bulletiningest.extract.UnreadableBulletinException.Reason;

/**
 * Splits the lines of a bulletin into sections (篇), groups (国家级, 资讯 …) and numbered notices.
 * <p>
 * Nothing here knows the corpus: sections are found by their heading shape, sign-offs by closing a section with a
 * department and a date, notices by numbering (the next number, or 1 again after a group label), by a numbering style
 * that stays the same within a section, and by layout (a title starts at the margin and does not continue a wrapped
 * line). Numbered lines that fail these tests are inner lists of the notice body.
 * <p>
 * Running headers, footers and page numbers are dropped first, then a cover and contents pages in front; URL lines are
 * links, never text. A heading with no
 * notice under it (a table of contents) makes no section. {@code issued} is the latest sign-off date, or the latest
 * period end when no section is signed off. A sign-off is a department and a date closing the section, the date not
 * before the period's end: an issuer's signature closing the last notice is dated within the period.
 */
public class BulletinSplitter {

    private static final Pattern DEPT_AND_DATE = Pattern.compile("^(\\S.{1,30}?)\\s+" + Texts.DATE + "$");
    private static final int MAX_SIGNOFF_DEPT = 30;

    private final Supplier<Categories> categories;

    /** @param categories asked for once per bulletin, so an edit a {@code config.ReloadingConfig} re-read applies to the next */
    public BulletinSplitter(Supplier<Categories> categories) {
        this.categories = Objects.requireNonNull(categories);
    }

    public Bulletin split(ExtractedPdf pdf) throws UnreadableBulletinException {
        List<TextLine> lines = new ArrayList<>();
        List<PrintedLink> printed = new ArrayList<>();
        List<TextLine> read = FrontMatter.skip(PageArtefacts.remove(pdf.lines()));
        Set<Integer> scanned = pdf.scanned().stream().map(ScannedPage::page).collect(Collectors.toSet());
        separatePrintedLinks(read, Layout.of(read, scanned), lines, printed);
        Layout layout = Layout.of(lines, scanned);
        List<LinkPlacement.Placed> placed = LinkPlacement.of(pdf.links(), lines);
        Map<TextLine, List<LinkAnnotation>> annotations = annotationsByLine(placed);

        List<Integer> headings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (SectionHeading.parse(lines.get(i).text()) != null) {
                headings.add(i);
            }
        }
        if (headings.isEmpty()) {
            throw new UnreadableBulletinException(Reason.NOT_A_BULLETIN,
                    "not a bulletin: no section heading such as 医药信息篇（2021/3/8~2021/3/12） found");
        }
        Categories current = categories.get();
        NumberingEvidence.Reading reading = NumberingEvidence.decide(lines, layout, annotations, current);
        Map<TextLine, NoticeDraft> owners = new IdentityHashMap<>();
        List<SectionDraft> sections = new ArrayList<>();
        for (int h = 0; h < headings.size(); h++) {
            int from = headings.get(h);
            int to = h + 1 < headings.size() ? headings.get(h + 1) : lines.size();
            SectionDraft section = readSection(lines.subList(from, to), reading, current, annotations);
            if (!section.notices().isEmpty()) {
                sections.add(section);
                section.notices().forEach(n -> n.lines().forEach(l -> owners.put(l, n)));
            }
        }
        if (sections.isEmpty()) {
            throw new UnreadableBulletinException(Reason.NOT_A_BULLETIN, "not a bulletin: " + headings.size()
                    + " section heading(s) found but no numbered notices under them: " + NumberingEvidence.seen(lines));
        }
        attributeLinks(placed, pdf.links(), printed, lines, owners);

        List<Section> built = sections.stream().map(SectionDraft::build).toList();
        LocalDate issued = built.stream().map(Section::signoff).filter(Objects::nonNull).map(Signoff::date)
                .max(Comparator.naturalOrder())
                .orElse(built.stream().map(Section::periodEnd).max(Comparator.naturalOrder()).orElse(null));
        return new Bulletin(issued, pdf.pages(), built);
    }

    private SectionDraft readSection(List<TextLine> lines, NumberingEvidence.Reading reading, Categories categories,
                                     Map<TextLine, List<LinkAnnotation>> annotations) {
        SectionHeading heading = SectionHeading.parse(lines.get(0).text());
        int end = lines.size();
        Signoff signoff = null;
        TextLine last = lines.get(end - 1);
        LocalDate date = Texts.dateLine(last.text());
        if (date != null && end >= 3 && isDepartment(lines.get(end - 2).text()) && !date.isBefore(heading.end())) {
            signoff = new Signoff(lines.get(end - 2).text(), date);
            end -= 2;
        } else {
            Matcher m = DEPT_AND_DATE.matcher(last.text());
            if (m.matches() && end >= 2 && isDepartment(m.group(1))) {
                LocalDate d = Texts.date(m.group(2), m.group(3), m.group(4));
                if (d != null && !d.isBefore(heading.end())) {
                    signoff = new Signoff(m.group(1).strip(), d);
                    end -= 1;
                }
            }
        }
        SectionDraft section = new SectionDraft(categories.codeFor(heading.name()), heading, signoff);
        new SectionReader(lines.subList(1, end), reading.layout(), categories, annotations, section, reading.scheme()).read();
        return section;
    }

    private static boolean isDepartment(String text) {
        String t = Texts.squeeze(text);
        return !t.isEmpty() && t.length() <= MAX_SIGNOFF_DEPT && Numbered.parse(text) == null && !Texts.endsClause(text)
                && Texts.dateLine(text) == null && !t.matches(".*\\d.*");
    }

    /**
     * Takes URL lines (and their wrapped rest) out of the text: they are links, never body text; but not a URL that a
     * wrap put on a line of its own in the middle of a sentence (信息系统网址： / http://…): that is the sentence's text.
     */
    private static void separatePrintedLinks(List<TextLine> all, Layout layout, List<TextLine> text, List<PrintedLink> printed) {
        for (int i = 0; i < all.size(); i++) {
            TextLine line = all.get(i);
            if (!Texts.isUrlLine(line.text()) || i > 0 && wrapsInto(all.get(i - 1), line, layout)) {
                text.add(line);
                continue;
            }
            StringBuilder uri = new StringBuilder(line.text());
            while (i + 1 < all.size() && all.get(i + 1).page() == line.page() && Texts.isUrlTail(all.get(i + 1).text())
                    && !Texts.isUrlLine(all.get(i + 1).text())) {
                uri.append(all.get(++i).text());
            }
            printed.add(new PrintedLink(line, uri.toString(), text.isEmpty() ? null : text.get(text.size() - 1)));
        }
    }

    private static Map<TextLine, List<LinkAnnotation>> annotationsByLine(List<LinkPlacement.Placed> placed) {
        Map<TextLine, List<LinkAnnotation>> byLine = new IdentityHashMap<>();
        for (LinkPlacement.Placed p : placed) {
            byLine.computeIfAbsent(p.line(), l -> new ArrayList<>()).add(p.link());
        }
        return byLine;
    }

    /**
     * Gives each link to the notice owning the line it sits on: annotations over title lines are the notice's source,
     * the others its body links, in page order; a fragment drawn in the wrong place counts for nothing. A URL printed as text is the visible form of an annotation of its page
     * when one has that target; otherwise it is a body link of the notice it is printed in.
     */
    private static void attributeLinks(List<LinkPlacement.Placed> drawn, List<LinkAnnotation> annotations,
                                       List<PrintedLink> printed, List<TextLine> lines, Map<TextLine, NoticeDraft> owners) {
        record Placed(TextLine line, String uri, boolean printed) {
        }
        Map<TextLine, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            position.put(lines.get(i), i);
        }
        List<Placed> placed = new ArrayList<>();
        for (LinkPlacement.Placed link : drawn) {
            if (!misplaced(link, drawn, owners)) {
                placed.add(new Placed(link.line(), link.link().uri(), false));
            }
        }
        for (PrintedLink link : printed) {
            boolean annotated = annotations.stream().anyMatch(a -> a.page() == link.line().page()
                    && (a.uri().equals(link.uri()) || a.uri().startsWith(link.uri())));
            if (!annotated && link.after() != null) {
                placed.add(new Placed(link.after(), link.uri(), true));
            }
        }
        placed.sort(Comparator.comparingInt(p -> position.get(p.line())));
        for (Placed p : placed) {
            NoticeDraft notice = owners.get(p.line());
            if (notice != null) {
                notice.addLink(p.uri(), !p.printed() && notice.isTitleLine(p.line()));
            }
        }
    }

    /**
     * A fragment out of its page's reading order whose link is drawn in order over another notice: drawn in the wrong
     * place (see {@link LinkPlacement}).
     */
    private static boolean misplaced(LinkPlacement.Placed link, List<LinkPlacement.Placed> drawn,
                                     Map<TextLine, NoticeDraft> owners) {
        NoticeDraft owner = owners.get(link.line());
        return !link.inOrder() && drawn.stream().anyMatch(other -> other.inOrder() && other.link().uri().equals(link.link().uri())
                && owners.get(other.line()) != null && owners.get(other.line()) != owner);
    }

    /** Whether the line is the wrapped rest of the sentence on the line before: that one fills its line and goes on. */
    private static boolean wrapsInto(TextLine previous, TextLine line, Layout layout) {
        return previous.page() == line.page() && layout.isFull(previous) && !Texts.endsSentence(previous.text())
                && !layout.isIndented(line) && !layout.hasSpaceAbove(line);
    }

    private record PrintedLink(TextLine line, String uri, TextLine after) {
    }
}
