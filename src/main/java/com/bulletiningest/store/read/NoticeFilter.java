package com.bulletiningest.store.read;

import java.time.LocalDate;

/**
 * What a reader searches for; every part is optional (null or blank = no condition) and all parts combine.
 *
 * @param query          words to find in title, body, issuer and document number (Chinese needs no spaces)
 * @param tag            a rule tag or a keyword
 * @param issuer         part of the issuer's name, as printed or as enrich found it
 * @param issuedFrom     the bulletin was issued on or after this day
 * @param issuedTo       … on or before this day
 * @param hasDeadline    true: only notices with a deadline, false: only those without
 * @param deadlineAfter  a deadline falls after this day
 * @param deadlineBefore … and before this day (the same deadline)
 * @param page           1-based
 */
public record NoticeFilter(String query, String category, String group, String tag, String issuer,
                           LocalDate issuedFrom, LocalDate issuedTo, Boolean hasDeadline, LocalDate deadlineAfter,
                           LocalDate deadlineBefore, Sort sort, int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public enum Sort {
        /** best match first (without a query: newest bulletin first) */
        RELEVANCE,
        /** newest bulletin first */
        ISSUED,
        /** soonest deadline first, notices without one last */
        DEADLINE
    }

    public NoticeFilter {
        sort = sort == null ? Sort.RELEVANCE : sort;
        page = Math.max(page, 1);
        size = size < 1 ? 20 : Math.min(size, MAX_PAGE_SIZE);
    }

    /** Only a query, first page. */
    public static NoticeFilter query(String query) {
        return new NoticeFilter(query, null, null, null, null, null, null, null, null, null, null, 1, 20);
    }
}
