package com.bulletiningest.app;

import java.nio.file.Files;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.bulletiningest.app.RunningService.OWNERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The running service on a configured PostgreSQL ({@code bulletin.db.url}) that is not always there. */
@DisplayName("configured database")
class ExternalDatabaseTest {

    /** The pool retries a down server every few seconds (at most 5 s apart); an ingest waits this long for it. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(6);

    @RegisterExtension
    final RunningService service = RunningService.withOwners(OWNERS).startedByTest();
    private EmbeddedPostgres database;

    @AfterEach
    void stop() throws Exception {
        service.stop(); // before the database it uses
        if (database != null) {
            database.close();
        }
    }

    @Test
    @DisplayName("down when the service starts: the service starts anyway and keeps the dropped bulletin in the inbox; "
            + "once PostgreSQL is up the schema is created and the bulletin stored at the next poll, without a restart")
    void downAtStart() throws Exception {
        int port = RunningService.freePort();
        service.properties.put("bulletin.db.url", "jdbc:postgresql://localhost:" + port + "/postgres");
        service.properties.put("bulletin.db.user", "postgres");
        service.properties.put("bulletin.db.connection-timeout", String.valueOf(CONNECTION_TIMEOUT.toMillis()));
        service.start();
        service.drop("seed-000.pdf", "seed-000.pdf");
        Thread.sleep(2 * CONNECTION_TIMEOUT.toMillis()); // polls that each wait for the database in vain

        assertThat(service.inbox().resolve("seed-000.pdf")).exists();
        assertThat(service.inbox().resolve(".failed")).doesNotExist();

        database = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createDirectories(service.home().resolve("external")))
                .setCleanDataDirectory(false).setPort(port).start();
        // at the next poll: a waiting connection request gets the pool's next retry (at most 5 s apart)
        Eventually.within(RunningService.PATIENCE, "seed-000.pdf stored",
                () -> Files.exists(service.inbox().resolve(".done/seed-000.pdf")));
        assertThat(service.strings("select original_name from bulletin")).containsExactly("inbox/seed-000.pdf");
        service.awaitMail("pharma@example.com", 1);
    }
}
