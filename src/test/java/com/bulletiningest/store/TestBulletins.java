package com.bulletiningest.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;

/** Small bulletins built by hand: one section per category, one group each, notices numbered from 1. */
final class TestBulletins {

    private TestBulletins() {
    }

    static Bulletin bulletin(LocalDate issued, Section... sections) {
        return new Bulletin(issued, 3, List.of(sections));
    }

    static Section section(String category, String heading, LocalDate start, String label, String... titles) {
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            notices.add(new Notice(i + 1, titles[i], "国家药监局", start, null, null, 1, 1,
                    List.of("https://example.org/" + i), List.of(), "正文"));
        }
        return new Section(category, heading, start, start.plusDays(4), null, List.of(new Group(label, notices)));
    }
}
