package com.bulletiningest.split;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice heading taken apart (its printed lines joined with {@link #LINE_BREAK}, since a wrap may take the place of
 * the blank before the issuer): the title proper and what is printed after it, the issuer and its date
 * ({@code …的通知  天津市科技局（2021-3-3）}), a media name ({@code (IPRlearn)}) or {@code 发布时间：… 来源：…}.
 */
record TitleParts(String title, String issuer, LocalDate date, String source, String published) {

    /** Where one printed line of a heading ends and the next begins. */
    static final String LINE_BREAK = "\n";

    private static final Pattern PUBLISHED = Pattern.compile(
            "发布时间\\s*[:：]\\s*" + Texts.DATE + "(?:\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?))?");
    private static final Pattern EMPTY_FIELD = Pattern.compile("(?:发布时间|来源)\\s*[:：]\\s*$");
    private static final Pattern SOURCE = Pattern.compile("来源\\s*[:：]\\s*(\\S(?:.*\\S)?)\\s*$", Pattern.DOTALL);
    private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("^(.*?)\\s*[（(]\\s*([^（）()]{1,24}?)\\s*[）)]\\s*$", Pattern.DOTALL);
    private static final Pattern TRAILING_DATE = Pattern.compile("^(.*?)\\s*[（(]\\s*" + Texts.DATE + "\\s*[）)]\\s*$", Pattern.DOTALL);
    private static final Pattern LATIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9 _&.\\-]*");
    private static final Pattern HAN_NAME = Pattern.compile("\\p{IsHan}{2,10}");
    /** What a parenthesis closing a title says when it qualifies the document rather than naming a medium. */
    private static final Pattern QUALIFIER = Pattern.compile("第|号|批|试行|暂行|稿|草案|修订|修正|版|年|附件|见|意见|解读|全文|摘要|节选|续|上|下");
    private static final Pattern GAP = Pattern.compile("\\s+");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\u3000]+");
    /** An issuer is a name: no particles, quotes or clause punctuation that a title has. */
    private static final int MIN_ISSUER_CHARS = 2;
    private static final Pattern NOT_AN_ISSUER = Pattern.compile("[的于《》“”：:，,。？?！!]|^[\\d）)]");
    /** Document types a title names last, possibly followed by a qualifier such as （试行） or （2021 年第 7 号）. */
    static final String DOCUMENT_TYPES = "通知|通告|公告|公示|意见|意见稿|办法|决定|规定|细则|方案|指南|措施|要点|报告|批复|函|答复|解答|名单|目录";
    /** Where a title may end with an issuer glued to it: after a document type or a closing bracket. */
    private static final Pattern TITLE_END_INSIDE = Pattern.compile("(?:" + DOCUMENT_TYPES + "|[）)》”])");
    /** An organisation's name: Han characters (several names apart by blanks or 、) ending in an office's kind. */
    private static final Pattern ORGANISATION = Pattern.compile("[\\p{IsHan}、 ]{1,40}(?:局|委|会|院|部|厅|办|处|署|所|中心|政府|公司|集团|银行|大学)");

    /** What may follow a title on its line before a run-in body: a media name, 发布时间/来源, an issuer and its date. */
    private static final Pattern LEADING_TRAILER = Pattern.compile("^(?:[（(]([^（）()]{1,24})[）)]"
            + "|发布时间\\s*[:：]\\s*" + Texts.DATE + "(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?(?:\\s*来源\\s*[:：]\\s*\\S+)?"
            + "|来源\\s*[:：]\\s*\\S+"
            + "|[^（(，,。：:；;\\s][^（(，,。：:；;]{0,40}?\\s*[（(]\\s*" + Texts.DATE + "\\s*[）)])");

    /** How many characters at the start of {@code text} are a trailer of the title before it (0 for none). */
    static int leadingTrailer(String text) {
        Matcher m = LEADING_TRAILER.matcher(text);
        if (!m.find() || m.group(1) != null && !isMediaName(m.group(1))) {
            return 0;
        }
        return m.end();
    }

    /** The heading's printed lines joined as the title reads: wrapped lines go on without a blank. */
    static String unwrap(String heading) {
        return heading.replace(LINE_BREAK, "");
    }

    static TitleParts parse(String heading) {
        String text = heading.strip();
        String unwrapped = unwrap(text);
        if (!unwrapped.endsWith("）") && !unwrapped.endsWith(")") && !unwrapped.contains("来源") && !unwrapped.contains("发布时间")) {
            return new TitleParts(unwrapped, null, null, null, null); // most headings: what follows needs one of these
        }
        // 发布时间/来源 read the same however the heading wrapped; the blanks before an issuer may be a line break
        Matcher p = PUBLISHED.matcher(unwrapped);
        if (p.find()) {
            Matcher s = SOURCE.matcher(unwrapped.substring(p.end()));
            String published = isoDate(p.group(1), p.group(2), p.group(3)) + (p.group(4) == null ? "" : " " + p.group(4));
            return new TitleParts(unwrapped.substring(0, p.start()).strip(), null, null, s.find() ? s.group(1) : null, published);
        }
        Matcher s = SOURCE.matcher(unwrapped);
        if (s.find()) {
            return new TitleParts(unwrapped.substring(0, s.start()).strip(), null, null, s.group(1), null);
        }
        TitleParts parts = issuerOrMedia(text);
        return new TitleParts(unwrap(parts.title), parts.issuer == null ? null : unwrap(parts.issuer), parts.date,
                parts.source, null);
    }

    /** Whether the heading ends in a 发布时间 or 来源 label whose value a wrap put on the next line. */
    static boolean endsWithEmptyField(String heading) {
        return EMPTY_FIELD.matcher(unwrap(heading)).find();
    }

    /** Whether the heading ends in a 发布时间 or 来源 field, which a wrap may have cut. */
    static boolean endsWithOpenTrailer(String heading) {
        String unwrapped = unwrap(heading);
        return PUBLISHED.matcher(unwrapped).find() || SOURCE.matcher(unwrapped).find();
    }

    private static TitleParts issuerOrMedia(String heading) {
        // a wrap inside the closing parenthesis cuts a date or name, never a gap
        int open = Math.max(heading.lastIndexOf('（'), heading.lastIndexOf('('));
        String text = open < 0 ? heading : heading.substring(0, open) + unwrap(heading.substring(open));
        Matcher media = TRAILING_PARENTHESIS.matcher(text);
        if (media.matches() && isMediaName(media.group(2)) && !media.group(1).isBlank()) {
            return new TitleParts(media.group(1).strip(), null, null, unwrap(media.group(2)).strip(), null);
        }
        Matcher dated = TRAILING_DATE.matcher(text);
        if (dated.matches()) {
            LocalDate date = Texts.date(dated.group(2), dated.group(3), dated.group(4));
            String head = dated.group(1);
            // the longest issuer after a real blank or glued to the title's end (a blank may stand inside the issuer);
            // a line break only stands in for a blank when neither is found (it may as well cut the issuer itself)
            TitleParts parts = longerIssuer(issuerAfterGap(head, BLANKS, date), issuerWithoutGap(head, date));
            parts = parts != null ? parts : issuerAfterGap(head, GAP, date);
            if (parts != null) {
                return parts;
            }
        }
        return new TitleParts(text, null, null, null, null);
    }

    private static TitleParts issuerAfterGap(String head, Pattern gaps, LocalDate date) {
        Matcher gap = gaps.matcher(head);
        while (date != null && gap.find()) {
            TitleParts parts = titleAndIssuer(head.substring(0, gap.start()), head.substring(gap.end()), date);
            if (parts != null) {
                return parts;
            }
        }
        return null;
    }

    /**
     * An issuer printed right after the title with no blank: after the first point where the title ends like one (a
     * document type, a closing bracket) and the rest is an organisation's name.
     */
    private static TitleParts issuerWithoutGap(String head, LocalDate date) {
        Matcher end = TITLE_END_INSIDE.matcher(head);
        while (date != null && end.find()) {
            String issuer = head.substring(end.end());
            if (ORGANISATION.matcher(unwrap(issuer).strip()).matches()) {
                TitleParts parts = titleAndIssuer(head.substring(0, end.end()), issuer, date);
                if (parts != null) {
                    return parts;
                }
            }
        }
        return null;
    }

    private static TitleParts longerIssuer(TitleParts a, TitleParts b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Texts.squeeze(b.issuer).length() > Texts.squeeze(a.issuer).length() ? b : a;
    }

    /** Title and issuer if the cut is plausible: the title closes its brackets, the issuer is a name. */
    private static TitleParts titleAndIssuer(String title, String issuer, LocalDate date) {
        String t = title.strip();
        String i = issuer.strip();
        if (t.isEmpty() || i.length() < MIN_ISSUER_CHARS || !Texts.balanced(unwrap(t)) || NOT_AN_ISSUER.matcher(i).find()) {
            return null;
        }
        return new TitleParts(t, i, date, null, null);
    }

    /** A media name is a Latin name or a short Han name that does not qualify the document (试行, 第四十一批, …). */
    static boolean isMediaName(String text) {
        String name = unwrap(text).strip();
        return LATIN_NAME.matcher(name).matches()
                || HAN_NAME.matcher(name).matches() && !QUALIFIER.matcher(name).find();
    }

    /** Whether a line holds nothing but a parenthesised media name, printed under its title. */
    static boolean isMediaLine(String text) {
        Matcher m = TRAILING_PARENTHESIS.matcher(text.strip());
        return m.matches() && m.group(1).isEmpty() && isMediaName(m.group(2));
    }

    static boolean hasTrailer(String heading) {
        TitleParts parts = parse(heading);
        return parts.issuer != null || parts.date != null || parts.source != null || parts.published != null;
    }

    static boolean endsWithIssuerDate(String text) {
        return TRAILING_DATE.matcher(text.strip()).matches();
    }

    private static String isoDate(String year, String month, String day) {
        LocalDate date = Texts.date(year, month, day);
        return date == null ? year + "-" + month + "-" + day : date.toString();
    }
}
