package com.bulletiningest.store.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.bulletiningest.store.db.ContentHash;
import com.bulletiningest.store.db.StoreException;

/**
 * The {@code file_claim} table: one row per inbox file an instance is taking. Claiming is one atomic statement, so of
 * several instances sharing the database exactly one gets the claim; a claim older than {@code expiry} (its instance
 * died while holding it) is taken over.
 */
public class FileClaims {

    private final DataSource dataSource;
    private final Duration expiry;
    private final String claimant;

    /** @param claimant who claims, unique per instance (also for people reading the table, e.g. {@code host:/data/dir}) */
    public FileClaims(DataSource dataSource, Duration expiry, String claimant) {
        this.dataSource = dataSource;
        this.expiry = expiry;
        this.claimant = claimant;
    }

    /** @return whether this instance now holds the claim on {@code key}: nobody held it, or the holder's claim expired */
    public boolean claim(String key) {
        return update("cannot claim an inbox file", """
                insert into file_claim (key_hash, file_key, claimed_by, claimed_at) values (?, ?, ?, now())
                on conflict (key_hash) do update
                    set file_key = excluded.file_key, claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at
                    where file_claim.claimed_at < now() - make_interval(secs => ?)""",
                ContentHash.sha256(key), key, claimant, expiry.toMillis() / 1000.0) == 1;
    }

    /** @return whether {@code key} is claimed (an expired claim counts: it has not been taken over yet) */
    public boolean isClaimed(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select 1 from file_claim where key_hash = ?")) {
            select.setString(1, ContentHash.sha256(key));
            return select.executeQuery().next();
        } catch (SQLException e) {
            throw StoreException.of("cannot read file_claim", e);
        }
    }

    /** Gives the claim on {@code key} up if this instance holds it. */
    public void release(String key) {
        update("cannot release an inbox file", "delete from file_claim where key_hash = ? and claimed_by = ?",
                ContentHash.sha256(key), claimant);
    }

    /** Gives every claim of this instance up; @return how many there were */
    public int releaseAll() {
        return update("cannot release the inbox files", "delete from file_claim where claimed_by = ?", claimant);
    }

    private int update(String failure, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.of(failure, e);
        }
    }
}
