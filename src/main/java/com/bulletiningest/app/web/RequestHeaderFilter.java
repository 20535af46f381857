package com.bulletiningest.app.web;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Keeps the request's headers, query parameters and form fields out of the Camel message of routes/web.yaml
 * ({@code camel.rest.endpoint-properties[headerFilterStrategy]}): only the route's path parameters become headers.
 * Parameters are read from the query string ({@link Params}), credentials from the {@code Authorization} header
 * ({@link AdminGuard}), so a header {@code page: 2} or a field {@code Authorization=…} can never pass for either.
 */
public final class RequestHeaderFilter extends HttpHeaderFilterStrategy {

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }
}
