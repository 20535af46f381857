package com.bulletiningest.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;

/**
 * Writes an owner's digest of a bulletin: the notices of the owner's categories in print order, under their section
 * and group, as plain text and as HTML. The store hands it only the bulletin's new notices (repeats removed), so a
 * notice is mailed once however often it is reprinted.
 */
public final class DigestComposer {

    /** The digest, or empty when the bulletin has no notice in the owner's categories. */
    public Optional<Digest> compose(Owner owner, long bulletinId, Bulletin bulletin) {
        List<Section> sections = bulletin.sections().stream()
                .filter(s -> owner.categories().contains(s.category()))
                .filter(s -> s.groups().stream().anyMatch(g -> !g.notices().isEmpty()))
                .toList();
        int count = sections.stream().flatMap(s -> s.groups().stream()).mapToInt(g -> g.notices().size()).sum();
        if (count == 0) {
            return Optional.empty();
        }
        String subject = subject(sections, bulletin.issued(), count);
        String intro = (owner.name() == null ? "" : owner.name() + "：") + "本期政策周报有 " + count + " 条新通知。";
        String footer = "bulletin-ingest，周报 #" + bulletinId + (bulletin.issued() == null ? "" : "（" + bulletin.issued() + "）");
        return Optional.of(new Digest(owner.address(), subject, text(intro, sections, footer),
                html(subject, intro, sections, footer), count));
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

    private static String text(String intro, List<Section> sections, String footer) {
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        for (Section section : sections) {
            String period = period(List.of(section), " ~ ");
            text.append(section.heading()).append(period.isEmpty() ? "" : "（" + period + "）").append("\n\n");
            for (Group group : section.groups()) {
                if (group.notices().isEmpty()) {
                    continue;
                }
                text.append("【").append(group.label()).append("】\n");
                for (Notice notice : group.notices()) {
                    text.append(notice.no()).append(". ").append(notice.title()).append('\n');
                    text.append("   ").append(details(notice)).append('\n');
                    notice.links().forEach(link -> text.append("   ").append(link).append('\n'));
                }
                text.append('\n');
            }
        }
        return text.append("-- \n").append(footer).append('\n').toString();
    }

    private static String html(String subject, String intro, List<Section> sections, String footer) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>")
                .append(Html.escape(subject)).append("</title></head>\n<body>\n<p>").append(Html.escape(intro)).append("</p>\n");
        for (Section section : sections) {
            String period = period(List.of(section), " ~ ");
            html.append("<h2>").append(Html.escape(section.heading()))
                    .append(period.isEmpty() ? "" : " <small>" + Html.escape(period) + "</small>").append("</h2>\n");
            for (Group group : section.groups()) {
                if (group.notices().isEmpty()) {
                    continue;
                }
                html.append("<h3>").append(Html.escape(group.label())).append("</h3>\n");
                for (Notice notice : group.notices()) {
                    html.append("<p>").append(notice.no()).append(". ").append(title(notice))
                            .append("<br>\n<small>").append(Html.escape(details(notice))).append("</small></p>\n");
                }
            }
        }
        return html.append("<hr>\n<p><small>").append(Html.escape(footer)).append("</small></p>\n</body></html>\n").toString();
    }

    /** The title, linked to its first web link when it has one. */
    private static String title(Notice notice) {
        Optional<String> link = notice.links().stream().filter(Html::isWebLink).findFirst();
        String title = Html.escape(notice.title());
        return link.map(l -> "<a href=\"" + Html.escape(l) + "\">" + title + "</a>").orElse(title);
    }

    /** Issuer, date, source, publication time and page, those that are printed, separated by {@code ·}. */
    private static String details(Notice notice) {
        List<String> parts = new ArrayList<>();
        Stream.of(notice.issuer(), notice.date() == null ? null : notice.date().toString(), notice.source(),
                        notice.published() == null ? null : "发布时间 " + notice.published())
                .filter(p -> p != null && !p.isBlank())
                .forEach(parts::add);
        parts.add("第 " + notice.page() + " 页");
        return String.join(" · ", parts);
    }
}
