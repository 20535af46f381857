package com.bulletiningest.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Reads what the store wrote: the notices of a bulletin, notices by tag and deadline, counts. */
public final class NoticeQueries {

    /** The columns {@link #notice} reads; other queries of the package select them too and add their own. */
    static final String COLUMNS = "select n.id, s.bulletin_id, s.category, g.label, n.no, n.title, n.issuer, "
            + "n.date, n.source, n.published, n.page, n.last_page, n.links, n.body_links, n.body, n.fingerprint, "
            + "n.repeat_of, n.document_number, n.nearest_deadline, "
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

    /** How many bulletins are stored. */
    public long bulletinCount() {
        return count("select count(*) from bulletin");
    }

    /** How many notices are stored, repeats included. */
    public long noticeCount() {
        return count("select count(*) from notice");
    }

    /** The notices of a bulletin in print order; empty for an unknown id. */
    public List<StoredNotice> noticesOf(long bulletinId) {
        return notices("where s.bulletin_id = ? order by s.position, g.position, n.id",
                "the notices of bulletin #" + bulletinId, bulletinId);
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

    private List<StoredNotice> notices(String condition, String what, Object... parameters) {
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
                texts(row.getArray("keywords")));
    }

    private long count(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw StoreException.of("cannot count (" + sql + ")", e);
        }
    }

    static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
