package com.bulletiningest.app.web;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import com.bulletiningest.store.db.MigrationHistory;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: PostgreSQL answers within a few seconds and every Flyway migration was applied successfully. */
final class DatabaseHealthCheck extends AbstractHealthCheck {

    private static final long TIMEOUT_SECONDS = 3;

    private final MigrationHistory migrations;

    DatabaseHealthCheck(DataSource dataSource) {
        super("bulletin", "database");
        this.migrations = new MigrationHistory(dataSource);
    }

    @Override
    public boolean isLiveness() {
        return false; // a database outage is waited out, not a reason to restart the service
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            long failed = CompletableFuture.supplyAsync(migrations::failed)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (failed == 0) {
                builder.up();
            } else {
                builder.down().message(failed + " failed migration(s) in flyway_schema_history");
            }
        } catch (TimeoutException e) {
            builder.down().message("no answer from the database within " + TIMEOUT_SECONDS + " s");
        } catch (Exception e) {
            builder.down().message("database unreachable: " + rootMessage(e));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
