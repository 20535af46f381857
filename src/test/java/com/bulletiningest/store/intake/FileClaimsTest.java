package com.bulletiningest.store.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.fixtures.Rows;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims on inbox files shared by several instances, in a real PostgreSQL. */
@DisplayName("file claims")
class FileClaimsTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    @Test
    @DisplayName("a claimed file cannot be claimed again, by anyone, until it is released")
    void oneClaimAtATime() {
        FileClaims first = new FileClaims(DATABASE.dataSource(), Duration.ofMinutes(10), "first");
        FileClaims second = new FileClaims(DATABASE.dataSource(), Duration.ofMinutes(10), "second");

        assertThat(first.claim("/inbox/a.pdf")).isTrue();
        assertThat(second.claim("/inbox/a.pdf")).isFalse();
        assertThat(first.claim("/inbox/a.pdf")).isFalse();
        assertThat(second.isClaimed("/inbox/a.pdf")).isTrue();

        first.release("/inbox/a.pdf");
        assertThat(second.isClaimed("/inbox/a.pdf")).isFalse();
        assertThat(second.claim("/inbox/a.pdf")).isTrue();
        second.release("/inbox/a.pdf");
    }

    @Test
    @DisplayName("a claim is given up only by the instance holding it: another instance's release leaves it held")
    void onlyTheHolderReleases() {
        FileClaims holder = new FileClaims(DATABASE.dataSource(), Duration.ofMinutes(10), "holder");
        FileClaims skipper = new FileClaims(DATABASE.dataSource(), Duration.ofMinutes(10), "skipper");
        assertThat(holder.claim("/inbox/d.pdf")).isTrue();

        skipper.release("/inbox/d.pdf");
        skipper.releaseAll();
        assertThat(skipper.claim("/inbox/d.pdf")).as("claimed again while the holder still holds it").isFalse();

        holder.release("/inbox/d.pdf");
        assertThat(skipper.claim("/inbox/d.pdf")).isTrue();
        skipper.release("/inbox/d.pdf");
    }

    @Test
    @DisplayName("a claim older than the expiry (its instance died) is taken over")
    void expiredClaimIsTakenOver() throws Exception {
        FileClaims died = new FileClaims(DATABASE.dataSource(), Duration.ofMinutes(10), "died");
        FileClaims impatient = new FileClaims(DATABASE.dataSource(), Duration.ofMillis(200), "impatient");
        assertThat(died.claim("/inbox/b.pdf")).isTrue();
        assertThat(impatient.claim("/inbox/b.pdf")).isFalse();

        Thread.sleep(400);
        assertThat(impatient.claim("/inbox/b.pdf")).isTrue();
        assertThat(Rows.firstColumn(DATABASE.dataSource(), "select claimed_by from file_claim where file_key = '/inbox/b.pdf'"))
                .containsExactly("impatient");
        died.release("/inbox/b.pdf"); // the first holder comes back late: the claim it lost stays with the new one
        assertThat(died.claim("/inbox/b.pdf")).isFalse();
        impatient.release("/inbox/b.pdf");
    }

    @Test
    @DisplayName("a path longer than any index allows is claimed by its hash and kept readable")
    void longPathsAreClaimed() throws Exception {
        FileClaims claims = new FileClaims(DATABASE.dataSource(), Duration.ofMinutes(10), "long");
        String path = "/inbox/" + "政".repeat(3000) + ".pdf";

        assertThat(claims.claim(path)).isTrue();
        assertThat(claims.claim(path)).isFalse();
        assertThat(Rows.firstColumn(DATABASE.dataSource(), "select length(file_key) from file_claim where claimed_by = 'long'"))
                .containsExactly(String.valueOf(path.length()));
        claims.release(path);
    }

    @Test
    @DisplayName("of 8 instances claiming one file at the same moment, exactly one gets it")
    void concurrentClaimsHaveOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            FileClaims instance = new FileClaims(DATABASE.dataSource(), Duration.ofMinutes(10), "instance " + i);
            results.add(pool.submit(() -> {
                go.await();
                return instance.claim("/inbox/c.pdf");
            }));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
    }
}
