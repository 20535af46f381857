package com.bulletiningest.notify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.enrich.Enrichment;
import com.bulletiningest.enrich.NoticeFields;
import com.bulletiningest.extract.WebLink;
import com.bulletiningest.split.Notice;

/**
 * A notice an owner follows, as a digest lists it: with its stored id, its page in the console or null, its nearest
 * deadline or null, the bulletin's issue date or null, and its OCR confidence when it was read from a scan (else null).
 */
record DigestEntry(EnrichedNotice notice, long id, String page, LocalDate deadline, LocalDate issued,
                   Float ocrConfidence) {

    /** Where its title links: its page in the console, else its first web link from the PDF, else null. */
    String link() {
        return page != null ? page : notice.notice().links().stream().filter(WebLink::isWebLink).findFirst().orElse(null);
    }

    /** Whether its deadline was already over when the bulletin was issued. */
    boolean passed() {
        return deadline != null && issued != null && deadline.isBefore(issued);
    }

    /** What is printed under the title: where it comes from, then what enrich found, then its tags. */
    List<String> lines() {
        return Stream.of(printed(), found(), tags()).filter(line -> !line.isEmpty()).toList();
    }

    /** Issuer, date, source, publication time and page, those that are printed, separated by {@code ·}. */
    private String printed() {
        Notice n = notice.notice();
        List<String> parts = new ArrayList<>();
        Stream.of(n.issuer(), n.date() == null ? null : n.date().toString(), n.source(),
                        n.published() == null ? null : "发布时间 " + n.published())
                .filter(p -> p != null && !p.isBlank())
                .forEach(parts::add);
        parts.add("第 " + n.page() + " 页");
        if (ocrConfidence != null) {
            // a scan read by OCR: a digit or a date may be misread
            parts.add(String.format("扫描识别（置信度 %.0f%%），数字和日期请以 PDF 为准", 100 * ocrConfidence));
        }
        return String.join(" · ", parts);
    }

    /** {@code 截止 2021-03-15 · 文号 京知局〔2021〕35 号 · 发文 北京市知识产权局（2021-02-03）}. */
    private String found() {
        NoticeFields fields = notice.enrichment().fields();
        List<String> parts = new ArrayList<>();
        if (deadline != null) {
            parts.add("截止 " + deadline + (passed() ? "（已过）" : ""));
        }
        if (fields.documentNumber() != null) {
            parts.add("文号 " + fields.documentNumber());
        }
        if (fields.issuer() != null && !fields.issuer().equals(notice.notice().issuer())) {
            parts.add("发文 " + fields.issuer() + (fields.issuerDate() == null ? "" : "（" + fields.issuerDate() + "）"));
        }
        return String.join(" · ", parts);
    }

    /** {@code 标签 征求意见、临床试验 · 关键词 审评、药品}. */
    private String tags() {
        Enrichment enrichment = notice.enrichment();
        List<String> parts = new ArrayList<>();
        if (!enrichment.tags().isEmpty()) {
            parts.add("标签 " + String.join("、", enrichment.tags()));
        }
        if (!enrichment.keywords().isEmpty()) {
            parts.add("关键词 " + String.join("、", enrichment.keywords()));
        }
        return String.join(" · ", parts);
    }
}
