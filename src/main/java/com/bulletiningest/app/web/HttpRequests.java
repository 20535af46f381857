package com.bulletiningest.app.web;

import io.vertx.core.http.HttpServerRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * The HTTP request behind an exchange of routes/web.yaml, as the client sent it: Camel's headers mix the request's
 * headers, query parameters and form fields under one name space, so credentials and parameters are read from here.
 */
final class HttpRequests {

    private HttpRequests() {
    }

    static HttpServerRequest of(Exchange exchange) {
        if (exchange.getIn() instanceof HttpMessage http) {
            return http.getRequest();
        }
        throw new IllegalStateException("not an HTTP request of camel-platform-http-vertx: " + exchange.getIn());
    }
}
