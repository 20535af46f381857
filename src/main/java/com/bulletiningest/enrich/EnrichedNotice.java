package com.bulletiningest.enrich;

import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;

/** A notice with where it stands in its bulletin and what enrich found. */
public record EnrichedNotice(Section section, Group group, Notice notice, Enrichment enrichment) {
}
