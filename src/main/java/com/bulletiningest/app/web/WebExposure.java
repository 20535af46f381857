package com.bulletiningest.app.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether the console is reachable beyond this machine, decided by one rule: from the address the HTTP server binds
 * ({@code camel.server.host}, set from {@code bulletin.http.bind-address} by default, or directly, e.g. by
 * {@code CAMEL_SERVER_HOST}). Beyond loopback the service refuses to start without an admin password.
 */
record WebExposure(String host, int port, boolean loopback, boolean passwordSet) {

    static WebExposure of(String host, int port, boolean passwordSet) {
        WebExposure exposure = new WebExposure(host, port, isLoopback(host), passwordSet);
        if (!exposure.loopback() && !passwordSet) {
            throw new IllegalStateException("refusing to serve the console on " + host + ": beyond loopback it needs "
                    + "an admin password; set BULLETIN_ADMIN_PASSWORD, or bind to 127.0.0.1 (bulletin.http.bind-address, "
                    + "camel.server.host)");
        }
        return exposure;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("camel.server.host " + host + " is no address of this machine", e);
        }
    }

    String describe() {
        if (!loopback) {
            return "reachable beyond this machine: every page needs the admin password";
        }
        return passwordSet ? "actions need the admin password"
                : "read only: set BULLETIN_ADMIN_PASSWORD to enable retry, resend and dry runs";
    }
}
