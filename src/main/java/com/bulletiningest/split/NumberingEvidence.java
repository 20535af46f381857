package com.bulletiningest.split;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.bulletiningest.extract.LinkAnnotation;
import com.bulletiningest.extract.TextLine;

/**
 * Decides, per document, which numbering scheme numbers its notices and where their titles start (the margin, or
 * the paragraph indent as in 公文 and list-numbered documents), from what sets titles apart: bold where bold is the
 * exception, a link over the line, a title's shape (a document type or an issuer/date at its end, or a media name or
 * issuer/date on the line below), and a place where a section's notices begin (right under its heading or a group
 * label). Numbered lines with too little of these (inner lists, sentences ending in 。) count for nothing, so a body's
 * lists never outvote the notices, also on scanned pages where no bold or link sets titles apart. Plain 1、 at the
 * margin wins ties.
 */
final class NumberingEvidence {

    private static final Pattern DOCUMENT_TYPE_END = Pattern.compile(".*(" + TitleParts.DOCUMENT_TYPES + ")([（(][^（）()]*[）)])?$");
    /** A numbered line needs this much evidence beyond its number to count as a title candidate. */
    private static final int MIN_EVIDENCE = 2;

    /** How the notices of a document are numbered and laid out. */
    record Reading(Numbered.Scheme scheme, Layout layout) {
    }

    private NumberingEvidence() {
    }

    static Reading decide(List<TextLine> lines, Layout layout, Map<TextLine, List<LinkAnnotation>> annotations,
                          Categories categories) {
        Numbered.Scheme[] schemes = Numbered.Scheme.values();
        // each numbered line's weight is worked out once and added to the title places it stands at
        int[] atMargin = new int[schemes.length];
        int[] atIndent = new int[schemes.length];
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            boolean margin = layout.atMargin(line);
            boolean indent = layout.atIndent(line);
            for (int s = 0; s < schemes.length && (margin || indent); s++) {
                Numbered numbered = Numbered.parse(line.text(), schemes[s]);
                if (numbered != null) {
                    int evidence = evidence(lines, i, numbered, layout, annotations)
                            + (beginsNotices(lines, i, categories) ? 1 : 0);
                    int weight = evidence >= MIN_EVIDENCE ? evidence : 0;
                    atMargin[s] += margin ? weight : 0;
                    atIndent[s] += indent ? weight : 0;
                }
            }
        }
        Reading best = new Reading(Numbered.Scheme.ARABIC, layout);
        int bestScore = 0;
        for (boolean indented : new boolean[] {false, true}) {
            int[] scores = indented ? atIndent : atMargin;
            for (int s = 0; s < schemes.length; s++) {
                if (scores[s] > bestScore) {
                    bestScore = scores[s];
                    best = new Reading(schemes[s], indented ? layout.withTitlesIndented() : layout);
                }
            }
        }
        return best;
    }

    private static int evidence(List<TextLine> lines, int i, Numbered numbered, Layout layout,
                                Map<TextLine, List<LinkAnnotation>> annotations) {
        TextLine line = lines.get(i);
        int evidence = 1;
        evidence += layout.standsOutBold(line) ? 2 : 0;
        evidence += annotations.containsKey(line) ? 2 : 0;
        String rest = numbered.rest();
        evidence += TitleParts.hasTrailer(rest) || DOCUMENT_TYPE_END.matcher(rest).matches() || trailerBelow(lines, i) ? 1 : 0;
        evidence -= Texts.endsClause(line.text()) ? 1 : 0;
        return evidence;
    }

    /** Whether the line below is a title's trailer the wrap moved there: a media name (人民网) or an issuer and date. */
    private static boolean trailerBelow(List<TextLine> lines, int i) {
        if (i + 1 >= lines.size()) {
            return false;
        }
        String below = lines.get(i + 1).text();
        return TitleParts.isMediaLine(below) || TitleParts.endsWithIssuerDate(below) && Numbered.parse(below) == null;
    }

    /**
     * Whether the line stands where a section's first notice stands: right under the section heading, under a known
     * group label, or under one line (an unknown label) right under the heading. Inner lists start inside a body.
     */
    private static boolean beginsNotices(List<TextLine> lines, int i, Categories categories) {
        return i >= 1 && (SectionHeading.parse(lines.get(i - 1).text()) != null
                || categories.isKnownGroupLabel(SectionReader.withoutOutlineNumber(lines.get(i - 1).text())))
                || i >= 2 && SectionHeading.parse(lines.get(i - 2).text()) != null;
    }

    /** The numbering schemes seen at line starts, with how many lines each: {@code 一、 ×5, （1） ×3}. */
    static String seen(List<TextLine> lines) {
        Map<Numbered.Scheme, Integer> counts = new EnumMap<>(Numbered.Scheme.class);
        for (TextLine line : lines) {
            for (Numbered.Scheme scheme : Numbered.Scheme.values()) {
                if (Numbered.parse(line.text(), scheme) != null) {
                    counts.merge(scheme, 1, Integer::sum);
                }
            }
        }
        if (counts.isEmpty()) {
            return "no line starts with a number (1、 ① （1） 1) 一、)";
        }
        return "the numbering styles seen were " + counts.entrySet().stream()
                .map(e -> e.getKey().example() + " ×" + e.getValue()).collect(Collectors.joining(", "))
                + ", none at a title's place with a title's bold, link or shape in sequence";
    }
}
