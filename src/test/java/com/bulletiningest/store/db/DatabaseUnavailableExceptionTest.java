package com.bulletiningest.store.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("which database failures mean: try the same input again later")
class DatabaseUnavailableExceptionTest {

    @Test
    @DisplayName("connection refused, a dropped connection, a server shutting down or starting, a pool timeout")
    void unreachableDatabase() {
        assertThat(StoreException.of("lookup", new SQLException("Connection to localhost:5432 refused", "08001")))
                .isInstanceOf(DatabaseUnavailableException.class);
        assertThat(StoreException.of("store", new SQLException("An I/O error occurred while sending to the backend", "08006")))
                .isInstanceOf(DatabaseUnavailableException.class);
        assertThat(StoreException.of("store", new SQLException("terminating connection due to administrator command", "57P01")))
                .isInstanceOf(DatabaseUnavailableException.class);
        assertThat(StoreException.of("lookup", new SQLException("the database system is starting up", "57P03")))
                .isInstanceOf(DatabaseUnavailableException.class);
        assertThat(StoreException.of("lookup", new SQLTransientConnectionException("bulletins - Connection is not available")))
                .isInstanceOf(DatabaseUnavailableException.class);
    }

    @Test
    @DisplayName("a failure the same input would meet again is not an outage")
    void otherFailures() {
        assertThat(StoreException.of("store", new SQLException("duplicate key value violates unique constraint", "23505")))
                .isNotInstanceOf(DatabaseUnavailableException.class);
        assertThat(StoreException.of("store", new SQLException("value too long for type character varying(200)", "22001")))
                .isNotInstanceOf(DatabaseUnavailableException.class);
        assertThat(StoreException.of("store", new SQLException("no state")))
                .isNotInstanceOf(DatabaseUnavailableException.class);
    }

    @Test
    @DisplayName("an outage is recognised through wrapping exceptions")
    void throughCauses() {
        RuntimeException wrapped = new IllegalStateException("cannot read mail_messages",
                new SQLException("Connection refused", "08001"));
        assertThat(DatabaseUnavailableException.isCause(wrapped)).isTrue();
        assertThat(DatabaseUnavailableException.isCause(new IllegalStateException("no cause"))).isFalse();
    }
}
