package com.bulletiningest.store.read;

import java.time.LocalDate;

/** One deadline of a notice, with the sentence it was found in. */
public record NoticeDeadline(LocalDate deadline, String sentence, StoredNotice notice) {
}
