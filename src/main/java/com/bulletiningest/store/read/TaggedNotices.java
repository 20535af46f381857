package com.bulletiningest.store.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.bulletiningest.enrich.NoticeText;
import com.bulletiningest.store.db.StoreException;

/**
 * The stored notices as tag rules see them, for the dry run of edited rules: the rule tags they carry, and each notice's
 * texts rebuilt as enrich gave them to the rules (title, body, group, category with heading, issuer found, deadline
 * sentences). First prints only, as search counts notices: a repeat carries the tags of its first print.
 */
public final class TaggedNotices {

    /** A stored notice with what the rules look at and the rule tags it carries. */
    public record TaggedNotice(long id, String title, NoticeText text, List<String> ruleTags) {
    }

    /** Rows fetched per round trip: the notices stream through, their bodies are never all in memory. */
    private static final int FETCH_SIZE = 200;

    private final DataSource dataSource;

    public TaggedNotices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Hands every first print to {@code consumer}, in id order, reading them through a cursor; returns how many. */
    public long forEach(Consumer<TaggedNotice> consumer) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // the PostgreSQL driver uses a cursor only inside a transaction
            try (PreparedStatement query = connection.prepareStatement("select n.id, n.title, n.body, g.label, "
                    + "s.category, s.heading, n.issuer_found, "
                    // the deadlines' sentences in the order they were inserted, i.e. as enrich found them
                    + "array(select d.sentence from notice_deadline d where d.notice_id = n.id order by d.ctid) "
                    + "deadlines, "
                    + "array(select t.tag from notice_tag t where t.notice_id = n.id and t.kind = 'rule') tags "
                    + NoticeQueries.FROM + "where n.repeat_of is null order by n.id")) {
                query.setFetchSize(FETCH_SIZE);
                long count = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(tagged(rows));
                        count++;
                    }
                }
                return count;
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the notices for the tag rules", e);
        }
    }

    private static TaggedNotice tagged(ResultSet row) throws SQLException {
        NoticeText text = NoticeText.of(row.getString("title"), row.getString("body"), row.getString("label"),
                row.getString("category"), row.getString("heading"), row.getString("issuer_found"),
                NoticeQueries.texts(row.getArray("deadlines")));
        return new TaggedNotice(row.getLong("id"), row.getString("title"), text,
                NoticeQueries.texts(row.getArray("tags")));
    }
}
