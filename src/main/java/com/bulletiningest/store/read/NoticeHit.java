package com.bulletiningest.store.read;

import java.time.LocalDate;

/** A notice found by a search, with its bulletin's issue date and how well it matches (higher is better). */
public record NoticeHit(StoredNotice notice, LocalDate issued, double rank) {
}
