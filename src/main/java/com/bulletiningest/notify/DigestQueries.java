package com.bulletiningest.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.bulletiningest.store.db.Figures;
import com.bulletiningest.store.db.StoreException;
import com.bulletiningest.store.read.StoredNotice;

/** Reads the outbox: the digests queued, sent and failing, and who was mailed a notice. */
public final class DigestQueries {

    private static final String DIGESTS = "select id, bulletin_id, recipient, subject, message_id, created_at, attempts, "
            + "next_attempt_at, last_error, sent_at, failed_at, resent_at, " + DigestState.OF_ROW + " as status from outbox ";

    private final DataSource dataSource;

    public DigestQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The newest digests first, unsent ones before sent ones. */
    public List<StoredDigest> recent(int limit) {
        return digests("order by sent_at is not null, id desc limit ?", limit);
    }

    /** The digests of the notice's bulletin that list it (its title is in the digest), in the order queued. */
    public List<StoredDigest> listing(StoredNotice notice) {
        return digests("where bulletin_id = ? and strpos(body, ?) > 0 order by id", notice.bulletinId(),
                notice.title());
    }

    /** The digests in {@code state}. */
    public double count(DigestState state) {
        return Figures.of(dataSource, "select count(*) from outbox where " + DigestState.OF_ROW + " = ?",
                state.label());
    }

    /** Seconds since the oldest digest still to be sent was queued, 0 when none waits (one refused for good does not). */
    public double oldestUnsentAge() {
        return Figures.of(dataSource, "select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox "
                + "where " + DigestState.WAITING);
    }

    private List<StoredDigest> digests(String condition, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(DIGESTS + condition)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                List<StoredDigest> digests = new ArrayList<>();
                while (rows.next()) {
                    digests.add(new StoredDigest(rows.getLong("id"), rows.getLong("bulletin_id"),
                            rows.getString("recipient"), rows.getString("subject"), rows.getString("message_id"),
                            instant(rows.getTimestamp("created_at")), rows.getInt("attempts"),
                            instant(rows.getTimestamp("next_attempt_at")), rows.getString("last_error"),
                            instant(rows.getTimestamp("sent_at")), instant(rows.getTimestamp("failed_at")),
                            instant(rows.getTimestamp("resent_at")), rows.getString("status")));
                }
                return digests;
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the outbox", e);
        }
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
