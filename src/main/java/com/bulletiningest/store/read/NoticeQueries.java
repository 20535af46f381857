package com.bulletiningest.store.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.bulletiningest.store.db.StoreException;

/** Reads what the store wrote: the notices of a bulletin, notices by tag and deadline, counts. */
public final class NoticeQueries {

    /** The columns {@link #notice} reads; other queries of the package select them too and add their own. */
    static final String COLUMNS = "select n.id, s.bulletin_id, s.category, g.label, n.no, n.title, n.issuer, "
            + "n.date, n.source, n.published, n.page, n.last_page, n.links, n.body_links, n.body, n.fingerprint, "
            + "n.repeat_of, n.document_number, n.nearest_deadline, n.ocr_confidence, "
            + "array(select t.tag from notice_tag t where t.notice_id = n.id and t.kind = 'rule' order by t.tag) tags, "
            + "array(select t.tag from notice_tag t where t.notice_id = n.id and t.kind = 'keyword' order by t.tag) "
            + "keywords ";
    static final String FROM = "from notice n join notice_group g on g.id = n.group_id "
            + "join section s on s.id = g.section_id ";
    private static final String NOTICES = COLUMNS + FROM;

    private final DataSource dataSource;

    public NoticeQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The notices carrying {@code tag} (a rule tag or a keyword) with at least one deadline after {@code
     * deadlineAfter}, oldest bulletin first, each in print order.
     */
    public List<StoredNotice> noticesTagged(String tag, LocalDate deadlineAfter) {
        return notices("where exists (select 1 from notice_tag t where t.notice_id = n.id and t.tag = ?) "
                        + "and exists (select 1 from notice_deadline d where d.notice_id = n.id and d.deadline > ?) "
                        + "order by s.bulletin_id, s.position, g.position, n.id",
                "the notices tagged " + tag, tag, Date.valueOf(deadlineAfter));
    }

    /** The notice with this id, repeat or not. */
    public Optional<StoredNotice> notice(long id) {
        return notices("where n.id = ?", "notice #" + id, id).stream().findFirst();
    }

    /** The other prints of the same notice (same fingerprint) in any bulletin, oldest first. */
    public List<StoredNotice> printsOf(StoredNotice notice) {
        return notices("where n.fingerprint = ? and n.id <> ? order by s.bulletin_id, n.id",
                "the prints of notice #" + notice.id(), notice.fingerprint(), notice.id());
    }

    /** What enrich found in the notice (deadlines, events, contacts, attachments, amounts …) as JSON, or "{}". */
    public String fieldsJson(long noticeId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select coalesce(fields::text, '{}') from notice where id = ?")) {
            query.setLong(1, noticeId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "{}";
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the fields of notice #" + noticeId, e);
        }
    }

    /** Every deadline from {@code from} to {@code to} (inclusive) with its notice (first prints only), soonest first. */
    public List<NoticeDeadline> deadlines(LocalDate from, LocalDate to) {
        List<NoticeDeadline> deadlines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(COLUMNS + ", d.deadline, d.sentence " + FROM
                     + "join notice_deadline d on d.notice_id = n.id where n.repeat_of is null "
                     + "and d.deadline between ? and ? order by d.deadline, n.id")) {
            query.setDate(1, Date.valueOf(from));
            query.setDate(2, Date.valueOf(to));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    deadlines.add(new NoticeDeadline(rows.getDate("deadline").toLocalDate(), rows.getString("sentence"),
                            notice(rows)));
                }
            }
            return deadlines;
        } catch (SQLException e) {
            throw StoreException.of("cannot read the deadlines from " + from + " to " + to, e);
        }
    }

    /** What the search filters offer: categories, group labels and rule tags in use, each with its notice count. */
    public Map<String, Map<String, Long>> facets() {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put("category", counts("select s.category, count(*) " + FROM + "group by 1 order by 2 desc, 1"));
        facets.put("group", counts("select g.label, count(*) " + FROM + "group by 1 order by 2 desc, 1"));
        facets.put("tag", counts("select tag, count(*) from notice_tag where kind = 'rule' group by 1 order by 2 desc, 1"));
        return facets;
    }

    /** How many first prints (as search counts notices) carry each rule tag. */
    public Map<String, Long> ruleTagCounts() {
        return counts("select t.tag, count(*) from notice_tag t join notice n on n.id = t.notice_id "
                + "where t.kind = 'rule' and n.repeat_of is null group by 1");
    }

    private Map<String, Long> counts(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw StoreException.of("cannot count (" + sql + ")", e);
        }
    }

    /** The notices matching {@code condition} (SQL after the joins; {@code what} names them in an error). */
    List<StoredNotice> notices(String condition, String what, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(NOTICES + condition)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                List<StoredNotice> notices = new ArrayList<>();
                while (rows.next()) {
                    notices.add(notice(rows));
                }
                return notices;
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read " + what, e);
        }
    }

    static StoredNotice notice(ResultSet row) throws SQLException {
        return new StoredNotice(row.getLong("id"), row.getLong("bulletin_id"), row.getString("category"),
                row.getString("label"), row.getInt("no"), row.getString("title"), row.getString("issuer"),
                localDate(row.getDate("date")), row.getString("source"), row.getString("published"),
                row.getInt("page"), row.getInt("last_page"), texts(row.getArray("links")),
                texts(row.getArray("body_links")), row.getString("body"), row.getString("fingerprint"),
                row.getObject("repeat_of", Long.class), row.getString("document_number"),
                localDate(row.getDate("nearest_deadline")), texts(row.getArray("tags")),
                texts(row.getArray("keywords")), row.getObject("ocr_confidence") == null ? null : row.getFloat("ocr_confidence"));
    }

    static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
