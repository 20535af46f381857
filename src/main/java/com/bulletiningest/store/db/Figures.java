package com.bulletiningest.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** One number counted by one query, for the figures the metrics report at every scrape. */
public final class Figures {

    private Figures() {
    }

    /** The first column of the first row of {@code sql} run with {@code parameters}. */
    public static double of(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getDouble(1);
            }
        } catch (SQLException e) {
            throw StoreException.of("cannot count (" + sql + ")", e);
        }
    }
}
