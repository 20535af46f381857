package com.bulletiningest.store.db;

import java.sql.Connection;
import java.util.Optional;

import com.bulletiningest.fixtures.EmbeddedDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Advisory locks for work one instance at a time may do, in a real PostgreSQL. */
@DisplayName("advisory lock")
class AdvisoryLockTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    @Test
    @DisplayName("while one instance holds the lock another cannot take it; once given up, it can")
    void oneHolderAtATime() {
        AdvisoryLock first = new AdvisoryLock(DATABASE.dataSource(), "intake mailbox");
        AdvisoryLock second = new AdvisoryLock(DATABASE.dataSource(), "intake mailbox");

        Optional<AdvisoryLock.Held> held = first.tryAcquire();
        assertThat(held).isPresent();
        assertThat(second.tryAcquire()).isEmpty();
        assertThat(new AdvisoryLock(DATABASE.dataSource(), "another name").tryAcquire())
                .as("a lock on another name").isPresent().get().satisfies(AdvisoryLock.Held::close);

        held.get().close();
        Optional<AdvisoryLock.Held> taken = second.tryAcquire();
        assertThat(taken).isPresent();
        taken.get().close();
    }

    @Test
    @DisplayName("a holder whose connection dies (its instance was killed) gives the lock up with it")
    void deadHolderGivesTheLockUp() throws Exception {
        AdvisoryLock lock = new AdvisoryLock(DATABASE.dataSource(), "dies");
        assertThat(lock.tryAcquire()).isPresent(); // never closed: only its connection's end can free it

        try (Connection admin = DATABASE.dataSource().getConnection()) {
            // with a timeout it returns once the backend has exited (and so let go of its locks), not on the signal
            admin.createStatement().execute("select pg_terminate_backend(pid, 10000) from pg_locks "
                    + "where locktype = 'advisory' and pid <> pg_backend_pid()");
        }

        Optional<AdvisoryLock.Held> taken = lock.tryAcquire();
        assertThat(taken).isPresent();
        taken.get().close();
    }
}
