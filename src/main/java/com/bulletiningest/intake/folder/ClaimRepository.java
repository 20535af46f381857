package com.bulletiningest.intake.folder;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.bulletiningest.store.db.DatabaseUnavailableException;
import com.bulletiningest.store.intake.FileClaims;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder route's shared read lock ({@code readLock=idempotent-changed}): a file is taken by the instance that
 * claims it in the database ({@link FileClaims}). A claim that cannot be given up because the database is
 * unreachable is given up before the next claim, so a file does not wait for the claim to expire. While the database
 * cannot be reached nothing is claimed (the files wait in the inbox), said once in the log when it starts and once when
 * it ends.
 */
public final class ClaimRepository extends ServiceSupport implements IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimRepository.class);

    private final FileClaims claims;
    private final Set<String> unreleased = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean unreachable = new AtomicBoolean();

    public ClaimRepository(FileClaims claims) {
        this.claims = claims;
    }

    /**
     * The repository of an instance starting: the claims its earlier run left (it was killed while taking files) are
     * given up first, so those files are taken now rather than once the claims expire. While the database cannot be
     * reached they stay and expire.
     */
    public static ClaimRepository afterEarlierRuns(FileClaims claims) {
        try {
            int left = claims.releaseAll();
            if (left > 0) {
                LOG.info("{} inbox file(s) claimed by this instance's earlier run (stopped while taking them) are free again",
                        left);
            }
        } catch (DatabaseUnavailableException e) {
            LOG.info("Claims left by an earlier run, if any, expire: {}", e.getMessage());
        }
        return new ClaimRepository(claims);
    }

    @Override
    public boolean add(String key) {
        try {
            unreleased.removeIf(earlier -> {
                claims.release(earlier);
                return true;
            });
            boolean claimed = claims.claim(key);
            if (unreachable.compareAndSet(true, false)) {
                LOG.info("The database is reachable again: inbox files are taken again");
            }
            return claimed;
        } catch (DatabaseUnavailableException e) {
            if (unreachable.compareAndSet(false, true)) {
                LOG.warn("Inbox files wait in the inbox until the database can be reached: {}", e.getMessage());
            }
            return false;
        }
    }

    @Override
    public boolean contains(String key) {
        return claims.isClaimed(key);
    }

    @Override
    public boolean remove(String key) {
        try {
            claims.release(key);
        } catch (DatabaseUnavailableException e) {
            unreleased.add(key);
        }
        return true;
    }

    /** A claim ends when the file has been moved (remove on commit), so there is nothing to confirm. */
    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        claims.releaseAll();
    }
}
