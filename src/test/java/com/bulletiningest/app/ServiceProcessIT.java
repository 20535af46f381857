package com.bulletiningest.app;

import java.nio.file.Files;
import java.nio.file.Path;

import com.bulletiningest.fixtures.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.bulletiningest.app.RunningService.CORPUS;
import static com.bulletiningest.app.RunningService.OWNERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The separate-JVM fixture the crash tests rely on: it really stops, and really kills, the service and its database. */
@DisplayName("the service as its own JVM")
class ServiceProcessIT {

    @TempDir
    Path home;

    private ServiceProcess service;

    @BeforeEach
    void create() throws Exception {
        service = new ServiceProcess(home, OWNERS);
    }

    @AfterEach
    void close() throws Exception {
        service.close();
    }

    @Test
    @DisplayName("kill9 leaves neither the JVM nor a PostgreSQL process of it; stopped with SIGTERM it exits and stops "
            + "its database")
    void killsEverythingAndStopsCleanly() throws Exception {
        service.start();
        service.drop(Files.readAllBytes(CORPUS.resolve("seed-000.pdf")), "seed-000.pdf");
        long first = ServiceProcess.bulletinNumber(service.awaitLog("bulletin #\\d+ from"));
        assertThat(service.postmasters()).hasSize(1);

        service.kill9();
        assertThat(service.isRunning()).isFalse();
        assertThat(service.postmasters()).isEmpty();

        service.start();
        service.drop(Files.readAllBytes(CORPUS.resolve("seed-001.pdf")), "seed-001.pdf");
        assertThat(ServiceProcess.bulletinNumber(service.awaitLog("bulletin #\\d+ from"))).isGreaterThan(first);
        assertThat(Rows.firstColumn(service.database(), "select count(*) from bulletin")).containsExactly("2");

        service.stop();
        assertThat(service.postmasters()).isEmpty();
    }
}
