package com.bulletiningest.enrich;

import java.time.LocalDate;

/** A date found in a notice with the sentence it came from, so a reader can check what the date is about. */
public record DatedSentence(LocalDate date, String sentence) {
}
