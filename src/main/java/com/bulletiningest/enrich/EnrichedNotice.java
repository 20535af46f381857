package com.bulletiningest.enrich;

import java.util.ArrayList;
import java.util.List;

import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;

/** A notice with where it stands in its bulletin and what enrich found. */
public record EnrichedNotice(Section section, Group group, Notice notice, Enrichment enrichment) {

    /** What is found in one notice, given where it stands. */
    @FunctionalInterface
    public interface Finder {
        Enrichment find(Section section, Group group, Notice notice);
    }

    /** Every notice of the bulletin in print order, with what {@code finder} finds in it. */
    public static List<EnrichedNotice> inPrintOrder(Bulletin bulletin, Finder finder) {
        List<EnrichedNotice> notices = new ArrayList<>();
        for (Section section : bulletin.sections()) {
            for (Group group : section.groups()) {
                for (Notice notice : group.notices()) {
                    notices.add(new EnrichedNotice(section, group, notice, finder.find(section, group, notice)));
                }
            }
        }
        return notices;
    }
}
