package com.bulletiningest.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import org.apache.camel.Exchange;

/**
 * Lets an action (retry, resend, rule dry run) through only with the admin password from the environment
 * ({@code BULLETIN_ADMIN_PASSWORD}), sent as HTTP Basic authentication (any user name) in the request's
 * {@code Authorization} header: never from a query parameter or form field. Without a configured password every
 * action is refused. Pages and reads need no password while the server listens on loopback only. Wrong passwords are
 * counted per client address ({@link LoginThrottle}).
 */
public final class AdminGuard {

    private final byte[] password;
    private final WebExposure exposure;
    private final boolean loopback;
    private final LoginThrottle throttle;

    /**
     * @param password the configured admin password, empty for none
     * @param exposure where the server listens: beyond loopback, reading needs the password too
     */
    AdminGuard(String password, WebExposure exposure, LoginThrottle throttle) {
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.exposure = exposure;
        this.loopback = exposure.loopback();
        this.throttle = throttle;
    }

    WebExposure exposure() {
        return exposure;
    }

    /** Lets a read through: always on loopback, else with the admin password. Returns true to chain in expressions. */
    boolean checkRead(Exchange exchange) {
        if (!loopback) {
            check(exchange);
        }
        return true;
    }

    /** {@link #checkRead(Exchange)} for a request outside a route (the front door, /observe). */
    void checkRead(HttpServerRequest request) {
        if (!loopback) {
            check(request);
        }
    }

    boolean configured() {
        return password.length > 0;
    }

    /** Throws a {@link RefusedException} unless the request carries the admin password. */
    void check(Exchange exchange) {
        check(HttpRequests.of(exchange));
    }

    void check(HttpServerRequest request) {
        if (!configured()) {
            throw new RefusedException(403, "actions are disabled: set BULLETIN_ADMIN_PASSWORD to enable them");
        }
        String client = client(request.remoteAddress());
        Duration wait = throttle.refusedFor(client);
        if (!wait.isZero()) {
            throw new RefusedException(429, "too many wrong passwords from " + client + "; try again in "
                    + wait.toSeconds() + " s", wait);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new RefusedException(401, "this action needs the admin password");
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(401, "this action needs the admin password");
        }
        byte[] given = credentials.substring(credentials.indexOf(':') + 1).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, password)) {
            throttle.failed(client);
            throw new RefusedException(401, "wrong admin password");
        }
    }

    private static String client(SocketAddress address) {
        return address == null ? "unknown" : address.hostAddress();
    }

    /** Refused: 401 (no or wrong password), 403 (actions disabled) or 429 (too many wrong passwords). */
    static final class RefusedException extends RuntimeException {
        private final int status;
        private final Duration retryAfter;

        RefusedException(int status, String message) {
            this(status, message, Duration.ZERO);
        }

        RefusedException(int status, String message, Duration retryAfter) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        int status() {
            return status;
        }

        /** How long to wait before trying again (429), zero otherwise. */
        Duration retryAfter() {
            return retryAfter;
        }
    }
}
