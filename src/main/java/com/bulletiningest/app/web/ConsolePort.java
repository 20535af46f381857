package com.bulletiningest.app.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * The console's port must be free before the service starts: Camel's HTTP server, finding it taken, logs a stack trace
 * and lets the service run on without its console, its health check or its metrics. A port a service that was just
 * stopped still holds is waited for a few seconds; one held longer stops the start with a line saying what to do.
 */
final class ConsolePort {

    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long RETRY_MILLIS = 100;

    private ConsolePort() {
    }

    /** Returns once {@code host:port} can be bound; port 0 (any free port) needs no check. */
    static void awaitFree(String host, int port) {
        if (port == 0) {
            return;
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true); // as the HTTP server binds: a closed connection's TIME_WAIT is no obstacle
                probe.bind(new InetSocketAddress(host, port));
                return;
            } catch (IOException taken) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the console's port " + host + ":" + port + " is in use (another "
                            + "bulletin-ingest, or another program): stop it, or set BULLETIN_HTTP_PORT "
                            + "(bulletin.http.port) to a free port");
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the console's port " + port, e);
            }
        }
    }
}
