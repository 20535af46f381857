package com.bulletiningest.extract;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("OCR progress lists each bulletin being read with the page reached, until its extraction ends")
class OcrProgressTest {

    private final OcrProgress progress = new OcrProgress(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aBulletinWaitsAtPageZeroThenMovesOnPageByPageAndLeavesWhenClosed() {
        OcrProgress.Tracker scan = progress.track("inbox/scan.pdf", 8);
        assertThat(progress.now()).containsExactly(new OcrProgress.Reading("inbox/scan.pdf", 0, 8, Instant.parse("2026-12-03T10:00:00Z")));

        scan.reading(3);
        assertThat(progress.now()).extracting(OcrProgress.Reading::page).containsExactly(3);

        scan.close();
        assertThat(progress.now()).isEmpty();
    }

    @Test
    void twoBulletinsAreListedApartAndAClosedOneIsNotBroughtBackByALatePage() {
        OcrProgress.Tracker first = progress.track("a.pdf", 2);
        OcrProgress.Tracker second = progress.track("b.pdf", 5);
        first.reading(2);
        second.reading(1);
        assertThat(progress.now()).extracting(OcrProgress.Reading::source, OcrProgress.Reading::page)
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("a.pdf", 2), org.assertj.core.api.Assertions.tuple("b.pdf", 1));

        first.close();
        first.reading(3); // a page task that started after the extraction gave up (its time limit)
        assertThat(progress.now()).extracting(OcrProgress.Reading::source).containsExactly("b.pdf");
    }
}
