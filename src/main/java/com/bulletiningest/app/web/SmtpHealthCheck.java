package com.bulletiningest.app.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the SMTP server the digests go to accepts a connection. */
final class SmtpHealthCheck extends AbstractHealthCheck {

    private static final int TIMEOUT_MILLIS = 2000;

    private final String host;
    private final int port;

    SmtpHealthCheck(String host, int port) {
        super("bulletin", "smtp");
        this.host = host;
        this.port = port;
    }

    @Override
    public boolean isLiveness() {
        return false; // digests wait in the outbox while the mail server is away
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("smtp", host + ":" + port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            builder.up();
        } catch (IOException e) {
            builder.down().message("SMTP " + host + ":" + port + " unreachable: " + e.getMessage());
        }
    }
}
