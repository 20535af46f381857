package com.bulletiningest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** The figures the metrics report, each counted in the database when asked (a scrape). */
public final class ArchiveFigures {

    private final DataSource dataSource;

    public ArchiveFigures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Bulletins stored from one intake ({@code folder} or {@code mail}). */
    public double bulletins(String intake) {
        return number("select count(*) from bulletin where source_kind = ?", intake);
    }

    /** Notices stored, repeats included. */
    public double notices() {
        return number("select count(*) from notice");
    }

    /** Mailed-in messages from which no bulletin could be read. */
    public double failedMails() {
        return number("select count(*) from mail_messages where status = 'FAILED'");
    }

    /** Digests by state: {@code queued} (never tried or not failed), {@code failing}, {@code sent}. */
    public double digests(String state) {
        return number("select count(*) from outbox where case when sent_at is not null then 'sent' "
                + "when last_error is not null then 'failing' else 'queued' end = ?", state);
    }

    /** Seconds since the oldest unsent digest was queued, 0 when none waits. */
    public double oldestUnsentDigestAge() {
        return number("select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox "
                + "where sent_at is null");
    }

    private double number(String sql, Object... parameters) {
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
