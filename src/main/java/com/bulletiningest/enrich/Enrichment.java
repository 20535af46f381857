package com.bulletiningest.enrich;

import java.util.List;

/**
 * What enrich adds to a notice.
 *
 * @param fields   the extracted fields
 * @param tags     tags given by the admin's rules, in rule-file order
 * @param keywords HanLP keywords, kept apart from the rule tags; empty when keywords are switched off
 */
public record Enrichment(NoticeFields fields, List<String> tags, List<String> keywords) {

    /** A notice that was not enriched. */
    public static final Enrichment NONE = new Enrichment(NoticeFields.NONE, List.of(), List.of());

    public Enrichment {
        tags = List.copyOf(tags);
        keywords = List.copyOf(keywords);
    }
}
