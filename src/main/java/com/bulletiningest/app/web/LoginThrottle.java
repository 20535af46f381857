package com.bulletiningest.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing down: after {@value #FAILURES} wrong admin passwords from one client address within a
 * minute, that address's logins are refused (429) for a minute, twice as long after each further burst (at most an
 * hour). One WARN per burst names the address, never the password tried.
 */
final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    static final int FAILURES = 10;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration FIRST_REFUSAL = Duration.ofMinutes(1);
    private static final Duration LONGEST_REFUSAL = Duration.ofHours(1);
    /** Addresses remembered at most: beyond, those neither refused nor recently failing are forgotten. */
    private static final int ADDRESSES = 10_000;

    private final Clock clock;
    private final Map<String, Client> clients = new HashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long logins from this address are still refused; zero when they are not. */
    synchronized Duration refusedFor(String address) {
        Client client = clients.get(address);
        if (client == null || client.refusedUntil == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), client.refusedUntil);
        return left.isNegative() || left.isZero() ? Duration.ZERO : left.plusMillis(999).withNanos(0);
    }

    /** Counts a wrong password from this address. */
    synchronized void failed(String address) {
        Instant now = clock.instant();
        if (clients.size() >= ADDRESSES) {
            clients.values().removeIf(client -> client.quietSince(now));
        }
        Client client = clients.computeIfAbsent(address, a -> new Client());
        client.failures.removeIf(at -> at.isBefore(now.minus(WINDOW)));
        client.failures.add(now);
        if (client.failures.size() >= FAILURES) {
            Duration refusal = FIRST_REFUSAL.multipliedBy(1L << Math.min(client.bursts, 6));
            refusal = refusal.compareTo(LONGEST_REFUSAL) > 0 ? LONGEST_REFUSAL : refusal;
            client.bursts++;
            client.refusedUntil = now.plus(refusal);
            client.failures.clear();
            LOG.warn("{} wrong admin passwords from {} within a minute: its logins are refused for {} s", FAILURES,
                    address, refusal.toSeconds());
        }
    }

    private static final class Client {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant refusedUntil;
        int bursts;

        boolean quietSince(Instant now) {
            return (refusedUntil == null || refusedUntil.isBefore(now))
                    && (failures.isEmpty() || failures.getLast().isBefore(now.minus(WINDOW)));
        }
    }
}
