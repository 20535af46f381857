package com.bulletiningest.store.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.bulletiningest.store.db.PostgresText;
import com.bulletiningest.store.db.StoreException;

/**
 * Counts failed attempts at an input that fails for a reason other than an unreachable database, so that an intake
 * sets it aside after a bounded number of tries instead of taking it again at every poll forever. The count lives in
 * PostgreSQL (table {@code intake_attempt}): restarts and several instances agree on it, and one atomic upsert per
 * failure keeps concurrent counts exact.
 */
public final class IntakeAttempts {

    /** What kind of input a key names; each intake counts its own. */
    public enum Kind {
        FILE("file"), MAIL("mail");

        private final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    private final DataSource dataSource;

    public IntakeAttempts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records one more failed attempt and returns how many there have been, this one included.
     *
     * @param key   e.g. the content's SHA-256 or a hash of the Message-ID
     * @param error one line saying what went wrong; the last one is kept
     */
    public int failed(Kind kind, String key, String error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("insert into intake_attempt (kind, input_key, "
                     + "attempts, last_error, first_at, last_at) values (?, ?, 1, ?, now(), now()) "
                     + "on conflict (kind, input_key) do update set attempts = intake_attempt.attempts + 1, "
                     + "last_error = excluded.last_error, last_at = now() returning attempts")) {
            upsert.setString(1, kind.column);
            upsert.setString(2, key);
            upsert.setString(3, PostgresText.clean(error));
            try (ResultSet rows = upsert.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot count a failed attempt", e);
        }
    }

    /** Forgets the input's failures: it succeeded or was set aside (and a retry by hand starts afresh). */
    public void forget(Kind kind, String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from intake_attempt where kind = ? and input_key = ?")) {
            delete.setString(1, kind.column);
            delete.setString(2, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.of("cannot forget failed attempts", e);
        }
    }
}
