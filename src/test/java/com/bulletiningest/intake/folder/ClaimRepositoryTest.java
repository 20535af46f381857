package com.bulletiningest.intake.folder;

import java.time.Duration;

import com.bulletiningest.fixtures.EmbeddedDatabase;
import com.bulletiningest.store.intake.FileClaims;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The folder route's shared read lock across the runs of an instance, in a real PostgreSQL. */
@DisplayName("inbox claim repository")
class ClaimRepositoryTest {

    @RegisterExtension
    static final EmbeddedDatabase DATABASE = new EmbeddedDatabase();

    private static FileClaims claimsOf(String instance) {
        return new FileClaims(DATABASE.dataSource(), Duration.ofMinutes(10), instance);
    }

    @Test
    @DisplayName("a start gives up the claims its instance's killed run left, at once, and leaves other instances' claims")
    void startGivesUpTheEarlierRunsClaims() {
        assertThat(claimsOf("host:/srv/one").claim("/inbox/killed-while-taking.pdf")).isTrue(); // the run killed
        assertThat(claimsOf("host:/srv/two").claim("/inbox/taken-by-two.pdf")).isTrue();

        ClaimRepository restarted = ClaimRepository.afterEarlierRuns(claimsOf("host:/srv/one"));

        assertThat(restarted.add("/inbox/killed-while-taking.pdf")).as("taken without waiting for the expiry").isTrue();
        assertThat(restarted.add("/inbox/taken-by-two.pdf")).as("another instance's claim").isFalse();
        restarted.remove("/inbox/killed-while-taking.pdf");
        claimsOf("host:/srv/two").release("/inbox/taken-by-two.pdf");
    }
}
