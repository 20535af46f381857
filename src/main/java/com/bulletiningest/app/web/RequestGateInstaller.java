package com.bulletiningest.app.web;

import java.util.Collection;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.AuthenticationHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the {@link RequestGate} in front of everything the HTTP server answers before it listens, and once it runs a
 * JSON 404 last under {@code /api} and the gate's answers to what the router itself refuses. Checks that the server is to listen
 * where the exposure was decided from ({@link WebExposure}), and logs the address it really serves.
 */
final class RequestGateInstaller extends LifecycleStrategySupport {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGateInstaller.class);

    private final RequestGate gate;
    private final WebExposure exposure;
    private boolean installed;

    private RequestGateInstaller(RequestGate gate, WebExposure exposure) {
        this.gate = gate;
        this.exposure = exposure;
    }

    /**
     * Installs the gate on the HTTP server camel-platform-http-main made and has not started yet. The gate goes in as
     * the server's authentication handler: Camel puts those on the router as it creates it, before the server listens
     * and before camel-platform-http-main adds {@code /observe} (later hooks, such as a service added once the router
     * exists, came after the server had listened with {@code /observe/metrics} ungated for a while).
     */
    static void install(CamelContext context, RequestGate gate, WebExposure exposure) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("the console's HTTP server on port " + exposure.port()
                    + " was not created (camel.server.enabled)");
        }
        if (!exposure.host().equals(server.getHost())) {
            throw new IllegalStateException("the HTTP server is to listen on " + server.getHost() + ", not on "
                    + exposure.host() + " as the console's access rules were decided for");
        }
        AuthenticationConfig.AuthenticationConfigEntry entry = new AuthenticationConfig.AuthenticationConfigEntry();
        entry.setPath("/*");
        entry.setAuthenticationProviderFactory(vertx -> null); // the gate checks the admin password itself
        entry.setAuthenticationHandlerFactory(new AuthenticationConfig.AuthenticationHandlerFactory() {
            @Override
            public <T extends AuthenticationProvider> AuthenticationHandler createAuthenticationHandler(T provider) {
                return gate::handle;
            }
        });
        AuthenticationConfig authentication = server.getConfiguration().getAuthenticationConfig();
        authentication.getEntries().add(entry);
        authentication.setEnabled(true);
        context.addLifecycleStrategy(new RequestGateInstaller(gate, exposure));
    }

    /**
     * The router is registered once camel-platform-http-main started its server, which happens while the context
     * starts its services; routes (pages, API) are added to it later. The first service or route added after it
     * completes the router; the context's start checks that one did.
     */
    @Override
    public void onServiceAdd(CamelContext context, Service service, Route route) {
        complete(context);
    }

    @Override
    public void onRoutesAdd(Collection<Route> routes) {
        if (!routes.isEmpty()) {
            complete(routes.iterator().next().getCamelContext());
        }
    }

    @Override
    public void onContextStarted(CamelContext context) {
        complete(context);
        if (!installed) {
            throw new IllegalStateException("the console's HTTP server on port " + exposure.port() + " did not start");
        }
    }

    private synchronized void complete(CamelContext context) {
        if (installed) {
            return;
        }
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(exposure.port()));
        if (router == null) {
            return;
        }
        router.route("/api/*").order(Integer.MAX_VALUE).handler(RequestGate::notFound);
        // the router Camel mounts the console's router in refuses some requests before any route of ours sees them
        Handler<HttpServerRequest> mount = router.getServer().getServer().requestHandler();
        if (!(mount instanceof Router outer)) {
            throw new IllegalStateException("the HTTP server's requests go to " + mount + ", not to a router");
        }
        outer.errorHandler(400, gate::refusedByRouter);
        outer.errorHandler(404, gate::refusedByRouter);
        installed = true;
        String host = router.getServer().getHost();
        LOG.info("Console at http://{}:{}/ ({})", host.contains(":") ? "[" + host + "]" : host,
                router.getServer().getPort(), exposure.describe());
    }
}
