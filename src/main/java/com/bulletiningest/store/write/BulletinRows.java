package com.bulletiningest.store.write;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.bulletiningest.enrich.DatedSentence;
import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.enrich.Enrichment;
import com.bulletiningest.enrich.EnrichmentJson;
import com.bulletiningest.enrich.NoticeFields;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;
import com.bulletiningest.store.read.NoticeSearch;
import com.bulletiningest.store.read.SearchTerms;

/**
 * Writes the rows under a stored bulletin: its sections, groups and notices (each with what enrich found in it), the
 * notices' tags and deadlines. Each table's rows go in as one JDBC batch, a round trip per table rather than per row;
 * the ids that link the rows are drawn from the tables' sequences first, so no row waits for its parent's insert.
 * A notice is inserted whole, enrichment columns and search terms ({@link SearchTerms}) included.
 */
final class BulletinRows {

    private static final String SECTION = "insert into section (id, bulletin_id, position, category, heading, "
            + "period_start, period_end, signoff_dept, signoff_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String GROUP = "insert into notice_group (id, section_id, position, label) values (?, ?, ?, ?)";
    private static final String NOTICE = "insert into notice (id, group_id, no, title, fingerprint, issuer, date, "
            + "source, published, page, last_page, links, body_links, body, document_number, issuer_found, issuer_date, "
            + "nearest_deadline, fields, repeat_of, search) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?::jsonb, ?, setweight(array_to_tsvector(?::text[]), 'A') || setweight(array_to_tsvector(?::text[]), 'B') "
            + "|| setweight(array_to_tsvector(?::text[]), 'D'))";
    private static final String TAG = "insert into notice_tag (notice_id, tag, kind) values (?, ?, ?) on conflict do nothing";
    private static final String DEADLINE = "insert into notice_deadline (notice_id, deadline, sentence) values (?, ?, ?)";

    /** A notice as inserted, with its fingerprint and the earlier notice it was inserted as a repeat of, or null. */
    record Placed(long id, String fingerprint, Long repeatOf, EnrichedNotice notice) {
    }

    private BulletinRows() {
    }

    /**
     * Inserts the bulletin's sections, groups and notices in print order.
     *
     * @param enriched     the bulletin's notices in print order as {@code Enricher#enrich} returns them
     * @param fingerprints their fingerprints, in the same order
     * @param repeatOf     the earlier notice of a fingerprint, for the notices to insert as repeats
     * @return the notices as inserted, in print order
     */
    static List<Placed> insert(Connection connection, long bulletinId, Bulletin bulletin, List<EnrichedNotice> enriched,
                               List<String> fingerprints, Map<String, Long> repeatOf) throws SQLException {
        long[] sectionIds = newIds(connection, "section", bulletin.sections().size());
        long[] groupIds = newIds(connection, "notice_group",
                bulletin.sections().stream().mapToInt(s -> s.groups().size()).sum());
        long[] noticeIds = newIds(connection, "notice", enriched.size());
        List<Placed> placed = new ArrayList<>();
        try (PreparedStatement sections = connection.prepareStatement(SECTION);
             PreparedStatement groups = connection.prepareStatement(GROUP);
             PreparedStatement notices = connection.prepareStatement(NOTICE);
             PreparedStatement tags = connection.prepareStatement(TAG);
             PreparedStatement deadlines = connection.prepareStatement(DEADLINE)) {
            int groupCount = 0;
            for (int s = 0; s < bulletin.sections().size(); s++) {
                Section section = bulletin.sections().get(s);
                addSection(sections, sectionIds[s], bulletinId, s + 1, section);
                for (int g = 0; g < section.groups().size(); g++) {
                    Group group = section.groups().get(g);
                    long groupId = groupIds[groupCount++];
                    addGroup(groups, groupId, sectionIds[s], g + 1, group.label());
                    for (Notice notice : group.notices()) {
                        long noticeId = noticeIds[placed.size()];
                        EnrichedNotice current = enriched.get(placed.size());
                        String fingerprint = fingerprints.get(placed.size());
                        Long earlier = repeatOf.get(fingerprint);
                        addNotice(notices, noticeId, groupId, notice, fingerprint, current.enrichment(), bulletin.issued(),
                                earlier);
                        addTags(tags, noticeId, current.enrichment().tags(), "rule");
                        addTags(tags, noticeId, current.enrichment().keywords(), "keyword");
                        addDeadlines(deadlines, noticeId, current.enrichment().fields().deadlines());
                        placed.add(new Placed(noticeId, fingerprint, earlier, current));
                    }
                }
            }
            // parents before the rows referring to them
            for (PreparedStatement batch : List.of(sections, groups, notices, tags, deadlines)) {
                batch.executeBatch();
            }
        }
        return placed;
    }

    /** {@code count} new ids from the table's id sequence, ascending, so that ids follow print order. */
    private static long[] newIds(Connection connection, String table, int count) throws SQLException {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement query = connection.prepareStatement("select nextval(pg_get_serial_sequence(?, 'id')) "
                + "as id from generate_series(1, ?) order by id")) {
            query.setString(1, table);
            query.setInt(2, count);
            try (ResultSet rows = query.executeQuery()) {
                for (int i = 0; i < count; i++) {
                    rows.next();
                    ids[i] = rows.getLong(1);
                }
            }
        }
        return ids;
    }

    private static void addSection(PreparedStatement insert, long id, long bulletinId, int position, Section section)
            throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, bulletinId);
        insert.setInt(3, position);
        insert.setString(4, section.category());
        insert.setString(5, section.heading());
        insert.setObject(6, date(section.periodStart()), Types.DATE);
        insert.setObject(7, date(section.periodEnd()), Types.DATE);
        insert.setString(8, section.signoff() == null ? null : section.signoff().dept());
        insert.setObject(9, section.signoff() == null ? null : date(section.signoff().date()), Types.DATE);
        insert.addBatch();
    }

    private static void addGroup(PreparedStatement insert, long id, long sectionId, int position, String label)
            throws SQLException {
        insert.setLong(1, id);
        insert.setLong(2, sectionId);
        insert.setInt(3, position);
        insert.setString(4, label);
        insert.addBatch();
    }

    /** The notice with its fields (the filtered-on ones as columns, all as jsonb). */
    private static void addNotice(PreparedStatement insert, long id, long groupId, Notice notice, String fingerprint,
                                  Enrichment enrichment, LocalDate issued, Long repeatOf) throws SQLException {
        Connection connection = insert.getConnection();
        NoticeFields fields = enrichment.fields();
        insert.setLong(1, id);
        insert.setLong(2, groupId);
        insert.setInt(3, notice.no());
        insert.setString(4, notice.title());
        insert.setString(5, fingerprint);
        insert.setString(6, notice.issuer());
        insert.setObject(7, date(notice.date()), Types.DATE);
        insert.setString(8, notice.source());
        insert.setString(9, notice.published());
        insert.setInt(10, notice.page());
        insert.setInt(11, notice.lastPage());
        insert.setArray(12, connection.createArrayOf("text", textArray(notice.links())));
        insert.setArray(13, connection.createArrayOf("text", textArray(notice.bodyLinks())));
        insert.setString(14, notice.body() == null ? "" : notice.body());
        insert.setString(15, fields.documentNumber());
        insert.setString(16, fields.issuer());
        insert.setObject(17, date(fields.issuerDate()), Types.DATE);
        insert.setObject(18, date(fields.nearestDeadline(issued).orElse(null)), Types.DATE);
        insert.setString(19, EnrichmentJson.fields(fields).toString());
        insert.setObject(20, repeatOf, Types.BIGINT);
        // what it is found by: title first, then who issued it and its number, then the body
        insert.setArray(21, terms(connection, notice.title()));
        insert.setArray(22, terms(connection, NoticeSearch.whoAndNumber(notice.issuer(), fields.issuer(),
                fields.documentNumber())));
        insert.setArray(23, terms(connection, notice.body()));
        insert.addBatch();
    }

    private static void addTags(PreparedStatement insert, long noticeId, List<String> tags, String kind)
            throws SQLException {
        for (String tag : tags) {
            insert.setLong(1, noticeId);
            insert.setString(2, tag);
            insert.setString(3, kind);
            insert.addBatch();
        }
    }

    private static void addDeadlines(PreparedStatement insert, long noticeId, List<DatedSentence> deadlines)
            throws SQLException {
        for (DatedSentence deadline : deadlines) {
            insert.setLong(1, noticeId);
            insert.setDate(2, date(deadline.date()));
            insert.setString(3, deadline.sentence());
            insert.addBatch();
        }
    }

    private static Array terms(Connection connection, String text) throws SQLException {
        return connection.createArrayOf("text", SearchTerms.of(text, true).toArray());
    }

    private static Object[] textArray(List<String> values) {
        return (values == null ? List.<String>of() : values).toArray();
    }

    static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
