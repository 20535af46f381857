package com.bulletiningest.store.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.bulletiningest.enrich.EnrichedNotice;
import com.bulletiningest.extract.ScannedPage;
import com.bulletiningest.split.Bulletin;
import com.bulletiningest.store.db.StoreException;
import com.bulletiningest.store.write.BulletinRows.Placed;

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
        return save(received, bulletin, enriched, List.of());
    }

    /**
     * Stores the bulletin as {@link #save(ReceivedBulletin, Bulletin, List)} does, its notices on {@code scanned} pages
     * marked as read by OCR with their confidence.
     */
    public StoreResult save(ReceivedBulletin received, Bulletin bulletin, List<EnrichedNotice> enriched,
                            List<ScannedPage> scanned) {
        if (enriched.size() != bulletin.notices().size()) {
            throw new IllegalArgumentException("enriched " + enriched.size() + " notices of a bulletin with "
                    + bulletin.notices().size());
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                StoreResult result = save(connection, received, bulletin, enriched, scanned);
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
                             List<EnrichedNotice> enriched, List<ScannedPage> scanned) throws SQLException {
        Optional<Long> inserted = insertBulletin(connection, received, bulletin);
        if (inserted.isEmpty()) {
            return StoreResult.duplicateOf(idOf(connection, received.sha256()).orElseThrow());
        }
        long bulletinId = inserted.get();
        List<String> fingerprints = bulletin.notices().stream().map(NoticeFingerprint::of).toList();
        // notices seen in a committed bulletin go in as repeats: setting repeat_of after the insert would rewrite the
        // notice and its search index entries
        Map<String, Long> committed = FirstOccurrences.committed(connection, fingerprints);
        List<Placed> placed = BulletinRows.insert(connection, bulletinId, bulletin, enriched, fingerprints, committed);
        List<Placed> fresh = markRepeats(connection, placed);
        Map<Long, Float> ocrConfidence = ScanProvenance.record(connection, placed, scanned);
        int queued = listener.onStored(connection, new StoredBulletin(bulletinId, bulletin.issued(),
                fresh.stream().map(Placed::notice).toList(), fresh.stream().map(Placed::id).toList(), ocrConfidence));
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
            insert.setObject(6, BulletinRows.date(bulletin.issued()), Types.DATE);
            insert.setInt(7, bulletin.pages());
            insert.setString(8, received.text());
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * Decides which notices repeat another bulletin's ({@link FirstOccurrences#claim}) and sets {@code repeat_of} where
     * the notice was not inserted as that repeat already (a copy committed after the look-up); returns the others, the
     * new ones. A notice printed twice in the same bulletin (e.g. under two sections) is new in both places.
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
                } else if (!first.equals(notice.repeatOf())) {
                    repeat.setLong(1, first);
                    repeat.setLong(2, notice.id());
                    repeat.addBatch();
                }
            }
            repeat.executeBatch();
        }
        return fresh;
    }
}
