package com.bulletiningest.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.bulletiningest.intake.folder.ClaimRepository;
import com.bulletiningest.intake.folder.FolderIntake;
import com.bulletiningest.intake.folder.InboxEntryFilter;
import com.bulletiningest.intake.folder.MoveFailureLog;
import com.bulletiningest.intake.folder.UnsettledFiles;
import com.bulletiningest.store.db.Database;
import com.bulletiningest.store.intake.FileClaims;
import com.bulletiningest.store.intake.IntakeAttempts;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * The beans of routes/inbox-folder.yaml: {@code inboxEntryFilter}, {@code inboxClaims} (the shared read lock),
 * {@code inboxFolder} (its failures counted per content against {@code bulletin.max-attempts}),
 * {@code inboxMoveFailures}.
 */
public class FolderIntakeConfiguration implements CamelConfiguration {

    @PropertyInject("bulletin.inbox")
    private String inbox;

    /**
     * Creates the inbox and its .done now: instances creating .done at the same moment would fail each other's move
     * (.failed is created before a file is set aside).
     */
    @Override
    public void configure(CamelContext context) throws IOException {
        Files.createDirectories(Path.of(inbox).resolve(FolderIntake.DONE));
    }

    /** Files that could not be read yet, kept until they settle (unchanged for {@code bulletin.inbox.settle-time}). */
    @BindToRegistry(lazy = true)
    public UnsettledFiles unsettledFiles(@PropertyInject("bulletin.inbox.settle-time") long settleTime) {
        return new UnsettledFiles(Duration.ofMillis(settleTime));
    }

    @BindToRegistry(lazy = true)
    public InboxEntryFilter inboxEntryFilter(@BeanInject UnsettledFiles unsettled) {
        return new InboxEntryFilter(unsettled);
    }

    @BindToRegistry(lazy = true)
    public ClaimRepository inboxClaims(@BeanInject Database database,
                                       @PropertyInject("bulletin.inbox.claim-expiry") long expiry,
                                       @PropertyInject("bulletin.data-dir") String dataDir) {
        return ClaimRepository.afterEarlierRuns(new FileClaims(database.dataSource(), Duration.ofMillis(expiry),
                claimant(Path.of(dataDir))));
    }

    @BindToRegistry(lazy = true)
    public FolderIntake inboxFolder(@BeanInject UnsettledFiles unsettled, @BeanInject Database database,
                                    @PropertyInject("bulletin.max-attempts") int maxAttempts) {
        return new FolderIntake(unsettled, new IntakeAttempts(database.dataSource()), maxAttempts);
    }

    @BindToRegistry(lazy = true)
    public MoveFailureLog inboxMoveFailures() {
        return new MoveFailureLog();
    }

    /**
     * {@code host:<data-dir>}: the same for every run of an instance (each instance has its own data dir), so a start
     * can give up the claims its previous run left when it was killed, instead of waiting for them to expire.
     */
    private static String claimant(Path dataDir) {
        String runtime = ManagementFactory.getRuntimeMXBean().getName();
        return runtime.substring(runtime.indexOf('@') + 1) + ":" + dataDir.toAbsolutePath().normalize();
    }
}
