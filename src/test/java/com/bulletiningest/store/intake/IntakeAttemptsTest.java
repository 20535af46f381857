package com.bulletiningest.store.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.fixtures.Rows;
import com.bulletiningest.store.intake.IntakeAttempts.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed attempts per input, counted in a real PostgreSQL. */
@DisplayName("intake attempts")
class IntakeAttemptsTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();
    static IntakeAttempts attempts;

    @BeforeAll
    static void start() throws Exception {
        attempts = new IntakeAttempts(DATABASE.dataSource());
    }

    @Test
    @DisplayName("each failure adds one and returns the count so far; the last error is kept")
    void countsFailures() throws Exception {
        assertThat(recorded("file", "a1")).isZero();
        assertThat(attempts.failed(Kind.FILE, "a1", "first")).isEqualTo(1);
        assertThat(attempts.failed(Kind.FILE, "a1", "second")).isEqualTo(2);
        assertThat(recorded("file", "a1")).isEqualTo(2);
        assertThat(Rows.firstColumn(DATABASE.dataSource(),
                "select last_error from intake_attempt where input_key = 'a1'")).containsExactly("second");
    }

    @Test
    @DisplayName("files and mails with the same key are counted apart")
    void kindsApart() {
        attempts.failed(Kind.FILE, "k2", "file failed");
        assertThat(attempts.failed(Kind.MAIL, "k2", "mail failed")).isEqualTo(1);
    }

    @Test
    @DisplayName("forgotten, an input starts again from zero")
    void forgets() throws Exception {
        attempts.failed(Kind.MAIL, "m3", "broken");
        attempts.forget(Kind.MAIL, "m3");
        assertThat(recorded("mail", "m3")).isZero();
        assertThat(attempts.failed(Kind.MAIL, "m3", "broken again")).isEqualTo(1);
    }

    @Test
    @DisplayName("an error text with NUL characters is stored without them")
    void cleansTheError() throws Exception {
        attempts.failed(Kind.MAIL, "m4", "subject 周报\0 unreadable");
        assertThat(Rows.firstColumn(DATABASE.dataSource(),
                "select last_error from intake_attempt where input_key = 'm4'")).containsExactly("subject 周报 unreadable");
    }

    @Test
    @DisplayName("failures counted at the same moment by several instances are all counted")
    void concurrentFailures() throws Exception {
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                counts.add(pool.submit(() -> {
                    go.await();
                    return attempts.failed(Kind.FILE, "race", "failed");
                }));
            }
            go.countDown();
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> count : counts) {
                seen.add(count.get());
            }
            assertThat(seen).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The attempts the table holds for an input, 0 without a row. */
    private static int recorded(String kind, String key) throws Exception {
        return Rows.firstColumn(DATABASE.dataSource(), "select coalesce(sum(attempts), 0) from intake_attempt where kind = '"
                + kind + "' and input_key = '" + key + "'").stream().mapToInt(Integer::parseInt).sum();
    }
}
