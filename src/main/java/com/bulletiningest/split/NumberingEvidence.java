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
 * exception, a link over the line, a title's shape (a document type or an issuer/date at its end). Numbered lines
 * with none of these (inner lists, sentences ending in 。) count for nothing, so a body's lists never outvote the
 * notices. Plain 1、 at the margin wins ties.
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

    static Reading decide(List<TextLine> lines, Layout layout, Map<TextLine, List<LinkAnnotation>> annotations) {
        Reading best = new Reading(Numbered.Scheme.ARABIC, layout);
        int bestScore = 0;
        for (boolean indented : new boolean[] {false, true}) {
            if (indented && !layout.hasIndent()) {
                continue;
            }
            for (Numbered.Scheme scheme : Numbered.Scheme.values()) {
                int score = 0;
                for (TextLine line : lines) {
                    Numbered numbered = Numbered.parse(line.text(), scheme);
                    if (numbered != null && (indented ? layout.atIndent(line) : layout.atMargin(line))) {
                        int evidence = evidence(line, numbered, layout, annotations);
                        score += evidence >= MIN_EVIDENCE ? evidence : 0;
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = new Reading(scheme, indented ? layout.withTitlesIndented() : layout);
                }
            }
        }
        return best;
    }

    private static int evidence(TextLine line, Numbered numbered, Layout layout, Map<TextLine, List<LinkAnnotation>> annotations) {
        int evidence = 1;
        evidence += layout.standsOutBold(line) ? 2 : 0;
        evidence += annotations.containsKey(line) ? 2 : 0;
        String rest = numbered.rest();
        evidence += TitleParts.hasTrailer(rest) || DOCUMENT_TYPE_END.matcher(rest).matches() ? 1 : 0;
        evidence -= Texts.endsClause(line.text()) ? 1 : 0;
        return evidence;
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
