package com.bulletiningest.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.apache.camel.Exchange;

/**
 * Lets an action (retry, resend, rule dry run) through only with the admin password from the environment
 * ({@code BULLETIN_ADMIN_PASSWORD}), sent as HTTP Basic authentication (any user name). Without a configured password
 * every action is refused. Pages and reads need no password while the server listens on loopback only.
 */
public final class AdminGuard {

    private final byte[] password;
    private final boolean loopback;

    /**
     * @param password the configured admin password, empty for none
     * @param loopback whether the server is bound to loopback only: beyond it, reading needs the password too
     */
    AdminGuard(String password, boolean loopback) {
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.loopback = loopback;
    }

    /** Lets a read through: always on loopback, else with the admin password. Returns true to chain in expressions. */
    boolean checkRead(Exchange exchange) {
        if (!loopback) {
            check(exchange);
        }
        return true;
    }

    boolean configured() {
        return password.length > 0;
    }

    /** Throws a {@link RefusedException} unless the request carries the admin password. */
    void check(Exchange exchange) {
        if (!configured()) {
            throw new RefusedException(403, "actions are disabled: set BULLETIN_ADMIN_PASSWORD to enable them");
        }
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
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
            throw new RefusedException(401, "wrong admin password");
        }
    }

    /** An action refused: 401 (no or wrong password) or 403 (actions disabled). */
    static final class RefusedException extends RuntimeException {
        private final int status;

        RefusedException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
