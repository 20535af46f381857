package com.bulletiningest.notify;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.enrich.Enrichment;
import com.bulletiningest.extract.WebLink;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import com.bulletiningest.store.write.StoredBulletin;

/**
 * Writes an owner's digest of a bulletin, as plain text and as HTML: the notices the owner follows (their categories
 * and their tags), each once. Notices with a deadline come first, soonest deadline first (those whose deadlines had
 * all passed when the bulletin was issued last, marked 已过); the others follow in print order under their section
 * and group. Each notice shows its tags, nearest deadline, document number and issuer, and links to its page in the
 * console ({@code <public-url>/notices/<id>}) when the console's public address is known.
 * The store hands it only the bulletin's new notices (repeats removed), so a notice is mailed once however often it
 * is reprinted.
 */
public final class DigestComposer {

    private static final String ON_THE_CONSOLE = "在归档中查看";

    /** {@code https://bulletins.example.org/notices/}, or null: no links to notice pages. */
    private final String noticePages;

    /** Digests without links to notice pages. */
    public DigestComposer() {
        this("");
    }

    /**
     * @param publicUrl where readers reach the console ({@code bulletin.public-url}, e.g.
     *                  {@code https://bulletins.example.org/}); empty for no links to notice pages
     * @throws IllegalArgumentException when it is not an absolute http(s) address
     */
    public DigestComposer(String publicUrl) {
        String base = publicUrl.strip();
        if (base.isEmpty()) {
            noticePages = null;
            return;
        }
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !WebLink.isWebLink(base)) {
            throw new IllegalArgumentException("bulletin.public-url must be an http(s) address like "
                    + "https://bulletins.example.org/, not '" + base + "'");
        }
        noticePages = base.replaceAll("/+$", "") + "/notices/";
    }

    /** The digest of the bulletin's new notices the owner follows, or empty when it follows none. */
    public Optional<Digest> compose(Owner owner, StoredBulletin bulletin) {
        return select(owner, bulletin).map(s -> {
            List<Part> parts = parts(s.followed());
            return new Digest(owner.address(), s.subject(), text(s.intro(), parts, s.footer()),
                    html(s.subject(), s.intro(), parts, s.footer()), s.followed().size());
        });
    }

    /**
     * The bulletin's new notices the owner follows, in print order, with the digest's subject, greeting and footer:
     * what the mail and every channel message are written from; empty when it follows none.
     */
    Optional<DigestSelection> select(Owner owner, StoredBulletin bulletin) {
        long bulletinId = bulletin.id();
        LocalDate issued = bulletin.issued();
        List<DigestEntry> followed = new ArrayList<>();
        for (int i = 0; i < bulletin.newNotices().size(); i++) {
            EnrichedNotice n = bulletin.newNotices().get(i);
            if (owner.follows(n.section().category(), tagsOf(n.enrichment()))) {
                long id = bulletin.newNoticeIds().get(i);
                followed.add(new DigestEntry(n, id, page(id), n.enrichment().fields().nearestDeadline(issued).orElse(null),
                        issued, bulletin.ocrConfidence(id)));
            }
        }
        if (followed.isEmpty()) {
            return Optional.empty();
        }
        List<Section> sections = followed.stream().map(e -> e.notice().section()).distinct().toList();
        long dated = followed.stream().filter(e -> e.deadline() != null).count();
        String intro = (owner.name() == null ? "" : owner.name() + "：") + "本期政策周报有 " + followed.size() + " 条新通知"
                + (dated == 0 ? "" : "，其中 " + dated + " 条有截止日期，排在最前") + "。";
        String footer = "bulletin-ingest，周报 #" + bulletinId + (issued == null ? "" : "（" + issued + "）");
        return Optional.of(new DigestSelection(bulletinId, issued, followed, subject(sections, issued, followed.size()),
                intro, footer));
    }

    /** The console's public address without trailing slash ({@code https://bulletins.example.org}), or null. */
    public String console() {
        return noticePages == null ? null : noticePages.substring(0, noticePages.length() - "/notices/".length());
    }

    /** The notice's page in the console, or null when the public address is not configured. */
    private String page(long noticeId) {
        return noticePages == null ? null : noticePages + noticeId;
    }

    private static List<String> tagsOf(Enrichment enrichment) {
        return Stream.concat(enrichment.tags().stream(), enrichment.keywords().stream()).toList();
    }

    /** {@code 【政策周报】医药信息篇、科技项目篇 2021-03-08~2021-03-12：12 条新通知}. */
    private static String subject(List<Section> sections, LocalDate issued, int count) {
        Set<String> headings = new LinkedHashSet<>();
        sections.forEach(s -> headings.add(s.heading()));
        String period = period(sections, "~");
        String when = !period.isEmpty() ? period : issued == null ? "" : issued.toString();
        return "【政策周报】" + String.join("、", headings) + (when.isEmpty() ? "" : " " + when) + "：" + count + " 条新通知";
    }

    /** From the earliest start to the latest end of the sections' periods; empty when none is printed. */
    private static String period(List<Section> sections, String dash) {
        Optional<LocalDate> start = sections.stream().map(Section::periodStart).filter(Objects::nonNull).min(LocalDate::compareTo);
        Optional<LocalDate> end = sections.stream().map(Section::periodEnd).filter(Objects::nonNull).max(LocalDate::compareTo);
        if (start.isEmpty() && end.isEmpty()) {
            return "";
        }
        return start.map(LocalDate::toString).orElse("") + dash + end.map(LocalDate::toString).orElse("");
    }

    /**
     * The digest's outline: first the notices with a deadline (soonest first, each naming its section and group),
     * then one part per section with the others under their group labels, in print order.
     */
    private static List<Part> parts(List<DigestEntry> followed) {
        List<Part> parts = new ArrayList<>();
        List<DigestEntry> dated = DigestSelection.dated(followed);
        if (!dated.isEmpty()) {
            parts.add(new Part("有截止日期（按截止日期先后）", "", true, Map.of("", dated)));
        }
        Map<Section, Map<String, List<DigestEntry>>> undated = new LinkedHashMap<>();
        followed.stream().filter(e -> e.deadline() == null).forEach(e -> undated
                .computeIfAbsent(e.notice().section(), s -> new LinkedHashMap<>())
                .computeIfAbsent(e.notice().group().label(), l -> new ArrayList<>()).add(e));
        undated.forEach((section, groups) -> parts.add(new Part(section.heading(), period(List.of(section), " ~ "), false, groups)));
        return parts;
    }

    private static String text(String intro, List<Part> parts, String footer) {
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        for (Part part : parts) {
            text.append(part.heading()).append(part.period().isEmpty() ? "" : "（" + part.period() + "）").append("\n\n");
            part.groups().forEach((label, entries) -> {
                if (!label.isEmpty()) {
                    text.append("【").append(label).append("】\n");
                }
                for (DigestEntry entry : entries) {
                    Notice notice = entry.notice().notice();
                    text.append(where(entry, part)).append(notice.no()).append(". ").append(notice.title()).append('\n');
                    entry.lines().forEach(line -> text.append("   ").append(line).append('\n'));
                    notice.links().stream().filter(WebLink::isWebLink)
                            .forEach(link -> text.append("   ").append(link).append('\n'));
                    if (entry.page() != null) {
                        text.append("   ").append(ON_THE_CONSOLE).append(' ').append(entry.page()).append('\n');
                    }
                }
                text.append('\n');
            });
        }
        return text.append("-- \n").append(footer).append('\n').toString();
    }

    private static String html(String subject, String intro, List<Part> parts, String footer) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>")
                .append(Html.escape(subject)).append("</title></head>\n<body>\n<p>").append(Html.escape(intro)).append("</p>\n");
        for (Part part : parts) {
            html.append("<h2>").append(Html.escape(part.heading()))
                    .append(part.period().isEmpty() ? "" : " <small>" + Html.escape(part.period()) + "</small>").append("</h2>\n");
            part.groups().forEach((label, entries) -> {
                if (!label.isEmpty()) {
                    html.append("<h3>").append(Html.escape(label)).append("</h3>\n");
                }
                for (DigestEntry entry : entries) {
                    Notice notice = entry.notice().notice();
                    html.append("<p>").append(Html.escape(where(entry, part))).append(notice.no()).append(". ")
                            .append(title(notice));
                    entry.lines().forEach(line -> html.append("<br>\n<small>").append(Html.escape(line)).append("</small>"));
                    if (entry.page() != null) {
                        html.append("<br>\n<small><a href=\"").append(Html.escape(entry.page())).append("\">")
                                .append(ON_THE_CONSOLE).append("</a></small>");
                    }
                    html.append("</p>\n");
                }
            });
        }
        return html.append("<hr>\n<p><small>").append(Html.escape(footer)).append("</small></p>\n</body></html>\n").toString();
    }

    /** In the deadlines part, where the notice stands in the bulletin: {@code 【医药信息篇 · 国家级】}. */
    private static String where(DigestEntry entry, Part part) {
        return part.placesNotices()
                ? "【" + entry.notice().section().heading() + " · " + entry.notice().group().label() + "】" : "";
    }

    /** The title, linked to its first web link when it has one. */
    private static String title(Notice notice) {
        Optional<String> link = WebLink.first(notice.links());
        String title = Html.escape(notice.title());
        return link.map(l -> "<a href=\"" + Html.escape(l) + "\">" + title + "</a>").orElse(title);
    }

    /**
     * A part of the digest: a heading with its period (may be empty) over notices by group label ("" = none);
     * {@code placesNotices} when the notices come from several sections and each must say where it stands.
     */
    private record Part(String heading, String period, boolean placesNotices, Map<String, List<DigestEntry>> groups) {
    }
}
