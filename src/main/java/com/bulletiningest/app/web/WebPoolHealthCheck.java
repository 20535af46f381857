package com.bulletiningest.app.web;

import java.util.Map;
import java.util.function.Supplier;

import com.bulletiningest.store.db.Database;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the console's side, apart from the database check of ingest: the web pool's connections in use, idle
 * and waited for, and the API requests being answered and turned away (503). DOWN while every API slot is taken.
 */
final class WebPoolHealthCheck extends AbstractHealthCheck {

    private final Supplier<Database.PoolState> pool;
    private final RequestGate gate;

    WebPoolHealthCheck(Supplier<Database.PoolState> pool, RequestGate gate) {
        super("bulletin", "web-pool");
        this.pool = pool;
        this.gate = gate;
    }

    @Override
    public boolean isLiveness() {
        return false; // a busy console is no reason to restart the service
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Database.PoolState state = pool.get();
        builder.detail("connections.active", state.active()).detail("connections.idle", state.idle())
                .detail("connections.max", state.max()).detail("connections.waiting", state.waiting())
                .detail("requests.busy", gate.busy()).detail("requests.max", gate.apiRequests())
                .detail("requests.turned-away", gate.turnedAway());
        if (gate.busy() >= gate.apiRequests()) {
            builder.down().message("all " + gate.apiRequests() + " API request slots are taken: new ones get 503");
        } else {
            builder.up();
        }
    }
}
