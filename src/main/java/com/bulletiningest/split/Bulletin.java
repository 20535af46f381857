package com.bulletiningest.split;

import java.time.LocalDate;
import java.util.List;

/** One weekly bulletin as split from its PDF: issued date (latest sign-off), page count and its sections in print order. */
public record Bulletin(LocalDate issued, int pages, List<Section> sections) {

    public List<Notice> notices() {
        return sections.stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.notices().stream()).toList();
    }
}
