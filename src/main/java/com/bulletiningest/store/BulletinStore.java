package com.bulletiningest.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.bulletiningest.enrich.DatedSentence;
import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.enrich.Enrichment;
import com.bulletiningest.enrich.EnrichmentJson;
import com.bulletiningest.enrich.NoticeFields;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.split.Group;
import com.bulletiningest.split.Notice;
import com.bulletiningest.split.Section;

/**
 * Bulletins in PostgreSQL, one per content hash. {@link #save} writes a bulletin, its sections, groups and notices
 * with what enrich found in them (marking notices already seen in an earlier bulletin as repeats) and tells its
 * {@link StoredListener} about the new notices, all in one transaction: the outbox queues its digests in it, so a
 * bulletin is stored with its digests queued, or not at all.
 */
public final class BulletinStore {

    private final DataSource dataSource;
    private final StoredListener listener;

    public BulletinStore(DataSource dataSource, StoredListener listener) {
        this.dataSource = dataSource;
        this.listener = listener;
    }

    public Optional<Long> findByHash(String sha256) {
        try (Connection connection = dataSource.getConnection()) {
            return idOf(connection, sha256);
        } catch (SQLException e) {
            throw StoreException.of("cannot look up bulletin by hash", e);
        }
    }

    /**
     * Stores the bulletin with what enrich found in its notices, or reports the one already stored with the same
     * content (also when saved concurrently).
     *
     * @param enriched the bulletin's notices in print order as {@code Enricher#enrich} returns them
     */
    public StoreResult save(ReceivedBulletin received, Bulletin bulletin, List<EnrichedNotice> enriched) {
        if (enriched.size() != bulletin.notices().size()) {
            throw new IllegalArgumentException("enriched " + enriched.size() + " notices of a bulletin with "
                    + bulletin.notices().size());
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                StoreResult result = save(connection, received, bulletin, enriched);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot store bulletin " + received.originalName(), e);
        }
    }

    private StoreResult save(Connection connection, ReceivedBulletin received, Bulletin bulletin,
                             List<EnrichedNotice> enriched) throws SQLException {
        Optional<Long> inserted = insertBulletin(connection, received, bulletin);
        if (inserted.isEmpty()) {
            return StoreResult.duplicateOf(idOf(connection, received.sha256()).orElseThrow());
        }
        long bulletinId = inserted.get();
        List<Placed> placed = new ArrayList<>();
        int sectionPosition = 0;
        for (Section section : bulletin.sections()) {
            long sectionId = insertSection(connection, bulletinId, ++sectionPosition, section);
            int groupPosition = 0;
            for (Group group : section.groups()) {
                long groupId = insertGroup(connection, sectionId, ++groupPosition, group.label());
                for (Notice notice : group.notices()) {
                    String fingerprint = NoticeFingerprint.of(notice);
                    long noticeId = insertNotice(connection, groupId, notice, fingerprint);
                    EnrichedNotice current = enriched.get(placed.size());
                    insertEnrichment(connection, noticeId, current.enrichment(), bulletin.issued());
                    placed.add(new Placed(noticeId, fingerprint, current));
                }
            }
        }
        List<Placed> fresh = markRepeats(connection, placed);
        int queued = listener.onStored(connection, new StoredBulletin(bulletinId, bulletin.issued(),
                fresh.stream().map(Placed::notice).toList(), fresh.stream().map(Placed::id).toList()));
        return new StoreResult(bulletinId, false, bulletin.sections().size(), enriched.size(),
                enriched.size() - fresh.size(), enriched.stream().mapToInt(e -> e.enrichment().tags().size()).sum(),
                (int) enriched.stream().filter(e -> !e.enrichment().fields().deadlines().isEmpty()).count(), queued);
    }

    private static Optional<Long> idOf(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select id from bulletin where sha256 = ?")) {
            query.setString(1, sha256);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Empty when a bulletin with the same hash exists (the unique key settles concurrent saves). */
    private static Optional<Long> insertBulletin(Connection connection, ReceivedBulletin received, Bulletin bulletin)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into bulletin (sha256, source_kind, "
                + "original_name, message_id, received_at, issued, pages, text) values (?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (sha256) do nothing returning id")) {
            insert.setString(1, received.sha256());
            insert.setString(2, received.sourceKind());
            insert.setString(3, received.originalName());
            insert.setString(4, received.messageId());
            insert.setTimestamp(5, Timestamp.from(received.receivedAt()));
            insert.setObject(6, date(bulletin.issued()), Types.DATE);
            insert.setInt(7, bulletin.pages());
            insert.setString(8, received.text());
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long insertSection(Connection connection, long bulletinId, int position, Section section)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into section (bulletin_id, position, "
                + "category, heading, period_start, period_end, signoff_dept, signoff_date) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            insert.setLong(1, bulletinId);
            insert.setInt(2, position);
            insert.setString(3, section.category());
            insert.setString(4, section.heading());
            insert.setObject(5, date(section.periodStart()), Types.DATE);
            insert.setObject(6, date(section.periodEnd()), Types.DATE);
            insert.setString(7, section.signoff() == null ? null : section.signoff().dept());
            insert.setObject(8, section.signoff() == null ? null : date(section.signoff().date()), Types.DATE);
            return returnedId(insert);
        }
    }

    private static long insertGroup(Connection connection, long sectionId, int position, String label)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into notice_group (section_id, position, label) values (?, ?, ?) returning id")) {
            insert.setLong(1, sectionId);
            insert.setInt(2, position);
            insert.setString(3, label);
            return returnedId(insert);
        }
    }

    /** A notice as inserted, with its fingerprint. */
    private record Placed(long id, String fingerprint, EnrichedNotice notice) {
    }

    /**
     * Sets {@code repeat_of} on the notices whose fingerprint was first seen in another bulletin; returns the others,
     * the new ones. A notice printed twice in the same bulletin (e.g. under two sections) is new in both places.
     */
    private static List<Placed> markRepeats(Connection connection, List<Placed> placed) throws SQLException {
        Map<String, Long> firstHere = new HashMap<>();
        placed.forEach(notice -> firstHere.putIfAbsent(notice.fingerprint(), notice.id()));
        Map<String, Long> earlier = FirstOccurrences.claim(connection, firstHere);
        List<Placed> fresh = new ArrayList<>();
        try (PreparedStatement repeat = connection.prepareStatement("update notice set repeat_of = ? where id = ?")) {
            for (Placed notice : placed) {
                Long first = earlier.get(notice.fingerprint());
                if (first == null) {
                    fresh.add(notice);
                } else {
                    repeat.setLong(1, first);
                    repeat.setLong(2, notice.id());
                    repeat.addBatch();
                }
            }
            repeat.executeBatch();
        }
        return fresh;
    }

    /** Inserts the notice as new; {@link FirstOccurrences} then tells whether it repeats an earlier bulletin's. */
    private static long insertNotice(Connection connection, long groupId, Notice notice, String fingerprint)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into notice (group_id, no, title, "
                + "fingerprint, issuer, date, source, published, page, last_page, links, body_links, body) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            insert.setLong(1, groupId);
            insert.setInt(2, notice.no());
            insert.setString(3, notice.title());
            insert.setString(4, fingerprint);
            insert.setString(5, notice.issuer());
            insert.setObject(6, date(notice.date()), Types.DATE);
            insert.setString(7, notice.source());
            insert.setString(8, notice.published());
            insert.setInt(9, notice.page());
            insert.setInt(10, notice.lastPage());
            insert.setArray(11, textArray(connection, notice.links()));
            insert.setArray(12, textArray(connection, notice.bodyLinks()));
            insert.setString(13, notice.body() == null ? "" : notice.body());
            return returnedId(insert);
        }
    }

    /** The notice's fields (the filtered-on ones as columns, all as jsonb), its tags and its deadlines. */
    private static void insertEnrichment(Connection connection, long noticeId, Enrichment enrichment, LocalDate issued)
            throws SQLException {
        NoticeFields fields = enrichment.fields();
        try (PreparedStatement update = connection.prepareStatement("update notice set document_number = ?, "
                + "issuer_found = ?, issuer_date = ?, nearest_deadline = ?, fields = ?::jsonb where id = ?")) {
            update.setString(1, fields.documentNumber());
            update.setString(2, fields.issuer());
            update.setObject(3, date(fields.issuerDate()), Types.DATE);
            update.setObject(4, date(fields.nearestDeadline(issued).orElse(null)), Types.DATE);
            update.setString(5, EnrichmentJson.fields(fields).toString());
            update.setLong(6, noticeId);
            update.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into notice_tag (notice_id, tag, kind) values (?, ?, ?) on conflict do nothing")) {
            addTags(insert, noticeId, enrichment.tags(), "rule");
            addTags(insert, noticeId, enrichment.keywords(), "keyword");
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into notice_deadline (notice_id, deadline, sentence) values (?, ?, ?)")) {
            for (DatedSentence deadline : fields.deadlines()) {
                insert.setLong(1, noticeId);
                insert.setDate(2, date(deadline.date()));
                insert.setString(3, deadline.sentence());
                insert.addBatch();
            }
            insert.executeBatch();
        }
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

    private static long returnedId(PreparedStatement insert) throws SQLException {
        try (ResultSet rows = insert.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", (values == null ? List.<String>of() : values).toArray());
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
