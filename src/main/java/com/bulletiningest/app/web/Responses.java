package com.bulletiningest.app.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import com.bulletiningest.store.db.DatabaseUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes what a handler gives as the HTTP response, and its failures as JSON errors a person can read. */
final class Responses {

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
    static final String JSON = "application/json; charset=UTF-8";

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
        } else if (e instanceof Params.UnavailableException) {
            status = 503;
            text = e.getMessage();
        } else if (DatabaseUnavailableException.isCause(e)) {
            status = 503;
            text = "the database cannot be reached now; try again later";
            LOG.warn("{} {}: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_URI), text);
        } else {
            status = 500;
            text = "internal error, see the service log";
            LOG.error("{} {} failed", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_URI), e);
        }
        // no WWW-Authenticate: a browser would answer it with its own login dialog instead of letting the page ask
        send(exchange, status, JSON, Json.write(Map.of("error", text)).getBytes(StandardCharsets.UTF_8));
    }
}
