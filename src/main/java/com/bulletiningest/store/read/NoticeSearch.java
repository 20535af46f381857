package com.bulletiningest.store.read;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.sql.DataSource;

import com.bulletiningest.store.db.StoreException;

/**
 * Full-text search over the stored notices with filters, on the bigram index of migration V11 ({@code notice.search},
 * its terms from {@link SearchTerms}). A notice printed again in a later bulletin (a repeat) is found once, as its first print.
 */
public final class NoticeSearch {

    /** The issuer (as printed and as found in the body) and the document number, as one text. */
    private static final String WHO_AND_NUMBER = "(coalesce(n.issuer, '') || ' ' || coalesce(n.issuer_found, '') || ' ' "
            + "|| coalesce(n.document_number, ''))";
    /**
     * A notice holds a Chinese run as typed: each field searched on its own, as printed (lower() does not change
     * Chinese, and on a whole body it cost more than the rest of the search).
     */
    private static final String HOLDS_RUN = "(strpos(n.title, ?) > 0 or strpos(n.body, ?) > 0 or strpos(" + WHO_AND_NUMBER
            + ", ?) > 0) ";

    private final DataSource dataSource;

    /** The text of {@link #WHO_AND_NUMBER}, as the writer indexes it. */
    public static String whoAndNumber(String issuer, String issuerFound, String documentNumber) {
        return Objects.toString(issuer, "") + " " + Objects.toString(issuerFound, "") + " "
                + Objects.toString(documentNumber, "");
    }

    public NoticeSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public SearchPage search(NoticeFilter filter) {
        // one connection for the page and, past the last hit, its total: a request never holds one while it waits for
        // another (four such requests at once deadlocked a pool of four)
        try (Connection connection = dataSource.getConnection()) {
            return search(connection, filter);
        } catch (SQLException e) {
            throw StoreException.of("cannot search the notices", e);
        }
    }

    private SearchPage search(Connection connection, NoticeFilter filter) throws SQLException {
        Sql sql = new Sql();
        boolean hasQuery = !blank(filter.query());
        // the hits are found, ranked, counted and sorted on a few narrow columns; only the page's notices are then read
        // whole (bodies, tags): with thousands of hits that is most of the time
        sql.append("with hits as (select n.id, b.issued, s.position section_position, g.position group_position, n.no, "
                + "n.nearest_deadline, ");
        if (hasQuery) {
            // relevance: the query as typed in the title, else in the issuer or document number, else in the body only.
            // Not ts_rank: the bigram tsvector holds no positions or counts, so it gives every hit the same value
            // (checked on the corpus) while detoasting each hit's vector (about 40 µs a hit)
            String typed = filter.query().strip();
            sql.append("case when strpos(lower(n.title), lower(?)) > 0 then 2 when strpos(lower(" + WHO_AND_NUMBER
                    + "), lower(?)) > 0 then 1 else 0 end rank ", typed, typed);
        } else {
            sql.append("0 rank ");
        }
        sql.append(NoticeQueries.FROM + "join bulletin b on b.id = s.bulletin_id where n.repeat_of is null ");
        if (hasQuery) {
            String terms = SearchTerms.query(filter.query());
            if (terms == null) {
                sql.append("and false ");
            } else {
                sql.append("and n.search @@ ?::tsquery ", terms);
            }
            // bigrams found apart do not make a match: each Chinese run of the query must be in the text as typed
            for (String run : SearchTerms.cjkRuns(filter.query())) {
                if (run.length() > 2) {
                    sql.append("and " + HOLDS_RUN, run, run, run);
                }
            }
        }
        if (!blank(filter.category())) {
            sql.append("and s.category = ? ", filter.category());
        }
        if (!blank(filter.group())) {
            sql.append("and g.label = ? ", filter.group());
        }
        if (!blank(filter.tag())) {
            sql.append("and exists (select 1 from notice_tag t where t.notice_id = n.id and t.tag = ?) ", filter.tag());
        }
        if (!blank(filter.issuer())) {
            sql.append("and strpos(lower(coalesce(n.issuer, '') || ' ' || coalesce(n.issuer_found, '')), ?) > 0 ",
                    filter.issuer().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.issuedFrom() != null) {
            sql.append("and b.issued >= ? ", Date.valueOf(filter.issuedFrom()));
        }
        if (filter.issuedTo() != null) {
            sql.append("and b.issued <= ? ", Date.valueOf(filter.issuedTo()));
        }
        if (filter.hasDeadline() != null) {
            // the notice's own column (set from the same deadlines as notice_deadline): PostgreSQL checks it before the
            // costly conditions, where a subquery came after them
            sql.append("and n.nearest_deadline is " + (filter.hasDeadline() ? "not null " : "null "));
        }
        if (filter.deadlineAfter() != null || filter.deadlineBefore() != null) {
            sql.append("and exists (select 1 from notice_deadline d where d.notice_id = n.id "
                    + "and d.deadline > coalesce(?::date, '-infinity'::date) and d.deadline < coalesce(?::date, 'infinity'::date)) ",
                    date(filter.deadlineAfter()), date(filter.deadlineBefore()));
        }
        sql.append("), page as (select h.*, count(*) over () total from hits h " + order(filter.sort(), "h")
                + "limit ? offset ?) ", filter.size(), (filter.page() - 1) * filter.size());
        sql.append(NoticeQueries.COLUMNS + ", page.issued, page.total, page.rank from page join notice n on n.id = page.id "
                + "join notice_group g on g.id = n.group_id join section s on s.id = g.section_id "
                + order(filter.sort(), "page"));
        return run(connection, sql, filter);
    }

    private SearchPage run(Connection connection, Sql sql, NoticeFilter filter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql.text.toString())) {
            for (int i = 0; i < sql.parameters.size(); i++) {
                query.setObject(i + 1, sql.parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                List<NoticeHit> hits = new ArrayList<>();
                long total = 0;
                while (rows.next()) {
                    total = rows.getLong("total");
                    hits.add(new NoticeHit(NoticeQueries.notice(rows), NoticeQueries.localDate(rows.getDate("issued")),
                            rows.getDouble("rank")));
                }
                if (hits.isEmpty() && filter.page() > 1) {
                    total = search(connection, new NoticeFilter(filter.query(), filter.category(), filter.group(), filter.tag(),
                            filter.issuer(), filter.issuedFrom(), filter.issuedTo(), filter.hasDeadline(),
                            filter.deadlineAfter(), filter.deadlineBefore(), filter.sort(), 1, 1)).total();
                }
                return new SearchPage(total, filter.page(), filter.size(), hits);
            }
        }
    }

    private static String order(NoticeFilter.Sort sort, String hits) {
        String order = switch (sort) {
            case RELEVANCE -> "order by %1$s.rank desc, %1$s.issued desc nulls last, %1$s.section_position, "
                    + "%1$s.group_position, %1$s.no ";
            case ISSUED -> "order by %1$s.issued desc nulls last, %1$s.section_position, %1$s.group_position, %1$s.no ";
            case DEADLINE -> "order by %1$s.nearest_deadline nulls last, %1$s.issued desc nulls last, %1$s.id ";
        };
        return order.formatted(hits);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    /** SQL text and its parameters, built together so they stay in step. */
    private static final class Sql {
        final StringBuilder text = new StringBuilder();
        final List<Object> parameters = new ArrayList<>();

        void append(String part, Object... values) {
            text.append(part);
            parameters.addAll(Arrays.asList(values));
        }
    }
}
