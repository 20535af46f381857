package com.bulletiningest.enrich;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.bulletiningest.config.ConfigException;
import com.bulletiningest.config.ReloadingConfig;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;

/**
 * Enriches notices: extracted fields, tags from the admin's rules (re-read when the rules file changes) and, when
 * switched on, HanLP keywords.
 */
public class Enricher {

    public static final int DEFAULT_KEYWORD_COUNT = 5;

    private final FieldExtractor extractor;
    private final Supplier<TagRules> rules;
    private final KeywordExtractor keywords;

    /**
     * @param rules    the current tag rules, asked for on every notice (a {@link ReloadingConfig} reloads them)
     * @param keywords the keyword extractor, or null when keyword tags are switched off
     */
    public Enricher(FieldExtractor extractor, Supplier<TagRules> rules, KeywordExtractor keywords) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.keywords = keywords;
    }

    /** Every notice of the bulletin, in print order. */
    public List<EnrichedNotice> enrich(Bulletin bulletin) {
        TagRules current = rules.get();
        return EnrichedNotice.inPrintOrder(bulletin, (section, group, notice) -> enrich(notice, section, group, bulletin, current));
    }

    /** One notice of {@code section}; its group is looked up in the section. */
    public Enrichment enrich(Notice notice, Section section, Bulletin bulletin) {
        Group group = section.groups().stream().filter(g -> g.notices().contains(notice)).findFirst().orElse(null);
        return enrich(notice, section, group, bulletin, rules.get());
    }

    private Enrichment enrich(Notice notice, Section section, Group group, Bulletin bulletin, TagRules current) {
        NoticeFields fields = extractor.extract(notice, section, bulletin);
        NoticeText text = NoticeText.of(notice.title(), notice.body(), group == null ? null : group.label(),
                section.category(), section.heading(), fields.issuer(),
                fields.deadlines().stream().map(DatedSentence::sentence).toList());
        List<String> keywordTags = keywords == null ? List.of()
                : keywords.keywords(Objects.toString(notice.title(), "") + "\n" + Objects.toString(notice.body(), ""));
        return new Enrichment(fields, current.tagsFor(text), keywordTags);
    }
}
