package com.bulletiningest.app.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import com.bulletiningest.store.db.DatabaseUnavailableException;
import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes what a handler gives as the HTTP response, and its failures as JSON errors a person can read. */
final class Responses {

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
    static final String JSON = "application/json; charset=UTF-8";
    /** The protection space a browser keeps the admin password for. */
    static final String REALM = "bulletin-ingest";

    private Responses() {
    }

    /** The handler's value as JSON (200), or the error it ran into. */
    static void json(Exchange exchange, Supplier<Object> handler) {
        try {
            send(exchange, 200, JSON, Json.write(handler.get()).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            error(exchange, e);
        }
    }

    static void send(Exchange exchange, int status, String contentType, byte[] body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setBody(body);
    }

    static void error(Exchange exchange, RuntimeException e) {
        int status;
        String text;
        if (e instanceof Params.BadRequestException || e instanceof Params.NotFoundException
                || e instanceof AdminGuard.RefusedException) {
            status = e instanceof Params.BadRequestException ? 400 : e instanceof Params.NotFoundException ? 404
                    : ((AdminGuard.RefusedException) e).status();
            text = e.getMessage();
            LOG.debug("{} {}: {} {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_PATH), status, text);
        } else if (e instanceof Params.UnavailableException) {
            status = 503;
            text = e.getMessage();
        } else if (DatabaseUnavailableException.isCause(e)) {
            status = 503;
            text = "the database cannot be reached now; try again later";
            LOG.warn("{} {}: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_PATH), text);
        } else {
            status = 500;
            text = "internal error, see the service log";
            LOG.error("{} {} failed", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_PATH), e);
        }
        HttpServerRequest request = exchange.getIn() instanceof HttpMessage http ? http.getRequest() : null;
        send(exchange, status, JSON, errorBody(text));
        if (e instanceof AdminGuard.RefusedException refused) {
            challenge(request, refused).forEach(exchange.getMessage()::setHeader);
        }
    }

    /** {@code {"error": "…"}} */
    static byte[] errorBody(String text) {
        return Json.write(Map.of("error", text)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The headers a refusal carries: {@code WWW-Authenticate} with a 401, so that a browser asks for the password
     * (not to the console's own scripts, which say {@code X-Requested-With: XMLHttpRequest} and ask in the page, as
     * Spring Security does), and {@code Retry-After} with a 429.
     */
    static Map<String, String> challenge(HttpServerRequest request, AdminGuard.RefusedException refused) {
        if (refused.status() == 401 && (request == null
                || !"XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With")))) {
            return Map.of("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        if (refused.status() == 429) {
            return Map.of("Retry-After", String.valueOf(Math.max(1, refused.retryAfter().toSeconds())));
        }
        return Map.of();
    }
}
