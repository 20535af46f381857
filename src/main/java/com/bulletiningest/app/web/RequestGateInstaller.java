package com.bulletiningest.app.web;

import java.util.Collection;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the {@link RequestGate} first on the HTTP server's router, and a JSON 404 last under {@code /api}, once the
 * server exists and before any route starts. Checks that the server listens where the exposure was decided from
 * ({@link WebExposure}), and logs the address it really serves.
 */
final class RequestGateInstaller extends LifecycleStrategySupport {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGateInstaller.class);

    private final RequestGate gate;
    private final WebExposure exposure;
    private boolean installed;

    RequestGateInstaller(RequestGate gate, WebExposure exposure) {
        this.gate = gate;
        this.exposure = exposure;
    }

    /**
     * The router exists once camel-platform-http-main started its server, which happens while the context starts its
     * services; routes (pages, API, /observe) are added to it later. The first service or route added after it
     * installs the gate; the context's start checks that one did.
     */
    @Override
    public void onServiceAdd(CamelContext context, Service service, Route route) {
        install(context);
    }

    @Override
    public void onRoutesAdd(Collection<Route> routes) {
        if (!routes.isEmpty()) {
            install(routes.iterator().next().getCamelContext());
        }
    }

    @Override
    public void onContextStarted(CamelContext context) {
        install(context);
        if (!installed) {
            throw new IllegalStateException("the console's HTTP server on port " + exposure.port()
                    + " was not created (camel.server.enabled)");
        }
    }

    private synchronized void install(CamelContext context) {
        if (installed) {
            return;
        }
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(exposure.port()));
        if (router == null) {
            return;
        }
        String host = router.getServer().getHost();
        if (!exposure.host().equals(host)) {
            throw new IllegalStateException("the HTTP server listens on " + host + ", not on " + exposure.host()
                    + " as the console's access rules were decided for");
        }
        router.route().order(Integer.MIN_VALUE).handler(gate);
        router.route("/api/*").order(Integer.MAX_VALUE).handler(RequestGate::notFound);
        installed = true;
        LOG.info("Console at http://{}:{}/ ({})", host.contains(":") ? "[" + host + "]" : host,
                router.getServer().getPort(), exposure.describe());
    }
}
