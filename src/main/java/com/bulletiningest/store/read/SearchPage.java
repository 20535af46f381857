package com.bulletiningest.store.read;

import java.util.List;

/** One page of search results and how many notices match in all. */
public record SearchPage(long total, int page, int size, List<NoticeHit> hits) {
}
