package com.bulletiningest.notify;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

import javax.sql.DataSource;

import com.bulletiningest.store.db.StoreException;

/**
 * Each owner's calendar token (table {@code calendar_token}): 192 random bits, so that a calendar app can subscribe
 * to {@code /calendar/<token>.ics} without a password. Issuing a new one revokes the old at once.
 */
public final class CalendarTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;

    public CalendarTokens(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The owner's token, made on first use. */
    public String tokenOf(String owner) {
        return update("with made as (insert into calendar_token (owner, token) values (?, ?) on conflict (owner) "
                + "do nothing returning token) select token from made union all "
                + "select token from calendar_token where owner = ? limit 1", owner, newToken(), owner);
    }

    /** A new token for the owner; the previous one no longer opens the calendar. */
    public String issue(String owner) {
        return update("insert into calendar_token (owner, token) values (?, ?) on conflict (owner) do update "
                + "set token = excluded.token, issued_at = now() returning token", owner, newToken());
    }

    /** The owner whose calendar this token opens. */
    public Optional<String> owner(String token) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select owner from calendar_token where token = ?")) {
            query.setString(1, token);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot read the calendar tokens", e);
        }
    }

    private String update(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot write a calendar token", e);
        }
    }

    /** URL-safe, 32 characters. */
    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
