package com.bulletiningest.split;

import java.util.ArrayList;
import java.util.List;

/** A section being read: its groups and notices as found. */
final class SectionDraft {
    private final String category;
    private final SectionHeading heading;
    private final Signoff signoff;
    private final List<String> labels = new ArrayList<>();
    private final List<List<NoticeDraft>> groups = new ArrayList<>();

    SectionDraft(String category, SectionHeading heading, Signoff signoff) {
        this.category = category;
        this.heading = heading;
        this.signoff = signoff;
    }

    void startGroup(String label) {
        labels.add(label);
        groups.add(new ArrayList<>());
    }

    void add(NoticeDraft notice) {
        if (groups.isEmpty()) {
            startGroup(null);
        }
        groups.get(groups.size() - 1).add(notice);
    }

    List<NoticeDraft> notices() {
        return groups.stream().flatMap(List::stream).toList();
    }

    Section build() {
        List<Group> built = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (!groups.get(g).isEmpty()) {
                built.add(new Group(labels.get(g), groups.get(g).stream().map(NoticeDraft::build).toList()));
            }
        }
        return new Section(category, heading.name(), heading.start(), heading.end(), signoff, built);
    }
}
