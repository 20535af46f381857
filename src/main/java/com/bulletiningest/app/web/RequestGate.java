package com.bulletiningest.app.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door of the HTTP server, ahead of every page, API call and {@code /observe} answer (installed first on
 * the server's router, before it listens, by {@link RequestGateInstaller}):
 * <ul>
 *   <li>security headers on every answer: a Content-Security-Policy allowing only the console's own script and style
 *   files (no inline script, no {@code javascript:} URL), no framing, no MIME sniffing, no referrer;</li>
 *   <li>while the server listens on loopback, only requests naming it ({@code localhost}, {@code 127.0.0.1},
 *   {@code [::1]}) or the host of {@code bulletin.public-url} in {@code Host} are served (421 otherwise): a web page
 *   cannot read the console through DNS rebinding;</li>
 *   <li>at most {@link #apiRequests} API requests at a time (503 with {@code Retry-After} beyond), so the web side
 *   never waits long for its database pool nor holds all of the server's worker threads;</li>
 *   <li>{@code /observe/metrics} and the rest of {@code /observe} follow the pages' read rule; {@code /observe/health}
 *   is open, without parameters (they would show details and stack traces).</li>
 * </ul>
 */
final class RequestGate implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGate.class);

    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private final AdminGuard guard;
    /** Hosts accepted in {@code Host} while bound to loopback; null when bound beyond (the password protects). */
    private final Set<String> hosts;
    private final int apiRequests;
    private final Semaphore apiPermits;
    private final AtomicLong turnedAway = new AtomicLong();

    /**
     * @param hosts       the host names a request may name while the server listens on loopback, null beyond it
     * @param apiRequests API requests served at a time
     */
    RequestGate(AdminGuard guard, Set<String> hosts, int apiRequests) {
        this.guard = guard;
        this.hosts = hosts;
        this.apiRequests = apiRequests;
        this.apiPermits = new Semaphore(apiRequests);
    }

    /** The hosts of a server on loopback: its loopback names and the public URL's host, if one is set. */
    static Set<String> loopbackHosts(String publicUrl) {
        String publicHost = publicUrl.isBlank() ? null : URI.create(publicUrl.strip()).getHost();
        return publicHost == null ? Set.of("localhost", "127.0.0.1", "[::1]")
                : Set.of("localhost", "127.0.0.1", "[::1]", publicHost.toLowerCase(Locale.ROOT));
    }

    @Override
    public void handle(RoutingContext context) {
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            SECURITY_HEADERS.forEach(headers::set);
            if (!context.request().path().startsWith("/assets/")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        HttpServerRequest request = context.request();
        // Host, or HTTP/2's :authority (Java's HTTP client upgrades to h2c)
        if (hosts != null && !hosts.contains(host(request.host()))) {
            LOG.debug("Refused a request for host {}", request.host());
            refuse(context, 421, "this server answers only to localhost, 127.0.0.1 and [::1]", Map.of());
            return;
        }
        try {
            context.queryParams(); // decoded here, or a bad %-escape fails later inside Camel with a stack trace
        } catch (RuntimeException e) {
            LOG.debug("Refused a query string that does not decode: {}", request.query());
            refuse(context, 400, "the query string is not well encoded (a % must be followed by two hex digits)",
                    Map.of());
            return;
        }
        String path = request.path();
        if (path.startsWith("/observe/")) {
            boolean openHealth = path.equals("/observe/health") && request.query() == null;
            if (!openHealth && !authorised(context)) {
                return;
            }
        }
        if (path.startsWith("/api/")) {
            if (!apiPermits.tryAcquire()) {
                long count = turnedAway.incrementAndGet();
                if (count == 1 || count % 100 == 0) {
                    LOG.warn("The console is busy ({} API requests at a time): {} request(s) answered 503 since start",
                            apiRequests, count);
                }
                refuse(context, 503, "the console is busy; try again in a second", Map.of("Retry-After", "1"));
                return;
            }
            context.addEndHandler(v -> apiPermits.release());
        }
        context.next();
    }

    /** Applies the read rule outside a route; answers the refusal itself and says false. */
    private boolean authorised(RoutingContext context) {
        try {
            guard.checkRead(context.request());
            return true;
        } catch (AdminGuard.RefusedException e) {
            refuse(context, e.status(), e.getMessage(), Responses.challenge(context.request(), e));
            return false;
        }
    }

    /** API requests turned away as too many at a time, since start. */
    long turnedAway() {
        return turnedAway.get();
    }

    /** API requests being answered now. */
    int busy() {
        return apiRequests - apiPermits.availablePermits();
    }

    int apiRequests() {
        return apiRequests;
    }

    /**
     * Answers what the router Camel mounts the console in refuses itself, before any route (this gate included) sees
     * the request, as every other refusal is answered (JSON, security headers, the Host check) instead of Vert.x's
     * plain text and an ERROR with a stack trace: a path that does not decode ({@code /%zz}: 400), a request without
     * {@code Host} (400), a path that is not absolute ({@code GET *}: 404), and any path nothing serves (404).
     */
    void refusedByRouter(RoutingContext context) {
        MultiMap headers = context.response().headers();
        SECURITY_HEADERS.forEach(headers::set);
        headers.set("Cache-Control", "no-store");
        HttpServerRequest request = context.request();
        if (hosts != null && !hosts.contains(host(request.host()))) {
            refuse(context, 421, "this server answers only to localhost, 127.0.0.1 and [::1]", Map.of());
        } else if (context.statusCode() == 404) {
            notFound(context);
        } else {
            String text = !decodes(context) ? "the path is not well encoded (a % must be followed by two hex digits)"
                    : context.failure() != null && context.failure().getMessage() != null
                    ? context.failure().getMessage() : "bad request";
            LOG.debug("Refused {} {}: {}", request.method(), request.uri(), text);
            refuse(context, 400, text, Map.of());
        }
    }

    /** Whether the router can decode the request's path (it says only 400 when it cannot). */
    private static boolean decodes(RoutingContext context) {
        try {
            context.normalizedPath();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Answers JSON {@code {"error": …}} for a path that no route serves. */
    static void notFound(RoutingContext context) {
        refuse(context, 404, "nothing at " + context.request().method() + " " + context.request().path(), Map.of());
    }

    static void refuse(RoutingContext context, int status, String text, Map<String, String> headers) {
        headers.forEach(context.response()::putHeader);
        context.response().setStatusCode(status).putHeader("Content-Type", Responses.JSON)
                .end(Buffer.buffer(Responses.errorBody(text)));
    }

    /** The host named in a {@code Host} header, without its port, lower case; "" when there is none. */
    static String host(String header) {
        if (header == null) {
            return "";
        }
        String host = header.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
