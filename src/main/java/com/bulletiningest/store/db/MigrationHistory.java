package com.bulletiningest.store.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Flyway's record of the migrations applied to the database ({@code flyway_schema_history}). */
public final class MigrationHistory {

    private final DataSource dataSource;

    public MigrationHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Migrations that did not succeed; throws {@link StoreException} when the database cannot be asked. */
    public long failed() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from flyway_schema_history where not success")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw StoreException.of("cannot read the migration history", e);
        }
    }
}
