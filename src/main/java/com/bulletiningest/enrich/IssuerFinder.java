package com.bulletiningest.enrich;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.bulletiningest.split.Notice;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Finds who issued a notice, in order of trust: the issuer printed after the title (with its date), the signature
 * closing the body (an organisation line followed by a date line), or the organisation named before 关于 in the title
 * ({@code 国家药监局药审中心关于…}), which HanLP must segment as nouns only so {@code 两部门联合印发《关于…》} is not
 * mistaken for one.
 */
final class IssuerFinder {

    /** An issuer and its date (null when none is printed). */
    record Issuer(String name, LocalDate date) {
    }

    private static final Pattern NOT_AN_ORGANISATION = Pattern.compile("[。，,；;：:！？!?《》“”\"（）()、]|^\\d");
    private static final int MAX_ORGANISATION_LENGTH = 40;

    private final Segment segment = HanLP.newSegment().enableOrganizationRecognize(true).enablePlaceRecognize(true);

    Issuer find(Notice notice, String signoffDept, LocalDate reference) {
        if (notice.issuer() != null && !notice.issuer().isBlank()) {
            return new Issuer(TextParts.collapse(notice.issuer()), notice.date());
        }
        Issuer signature = signature(TextParts.paragraphs(notice.body()), signoffDept, reference);
        if (signature != null) {
            return signature;
        }
        String fromTitle = fromTitle(notice.title());
        return fromTitle == null ? null : new Issuer(fromTitle, null);
    }

    private static Issuer signature(List<String> paragraphs, String signoffDept, LocalDate reference) {
        for (int i = paragraphs.size() - 1; i > 0; i--) {
            LocalDate date = ChineseDates.wholeDate(paragraphs.get(i), reference);
            String name = TextParts.collapse(paragraphs.get(i - 1));
            if (date != null && looksLikeOrganisation(name) && !name.equals(signoffDept)) {
                return new Issuer(name, date);
            }
        }
        return null;
    }

    private String fromTitle(String title) {
        if (title == null) {
            return null;
        }
        int about = title.indexOf("关于");
        if (about <= 1) {
            return null;
        }
        String prefix = TextParts.collapse(title.substring(0, about));
        if (!looksLikeOrganisation(prefix)) {
            return null;
        }
        List<Term> terms;
        synchronized (segment) {
            terms = segment.seg(prefix);
        }
        boolean nounsOnly = terms.stream()
                .allMatch(t -> t.word.isBlank() || t.nature.startsWith("n") || t.nature.startsWith("j"));
        return nounsOnly ? prefix : null;
    }

    private static boolean looksLikeOrganisation(String text) {
        return text.length() >= 2 && text.length() <= MAX_ORGANISATION_LENGTH && !NOT_AN_ORGANISATION.matcher(text).find()
                && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
