package com.bulletiningest.app.web;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.openapi.OpenApiRestApiProcessorFactory;
import org.apache.camel.spi.RestApiProcessorFactory;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.support.processor.DelegateProcessor;

/**
 * Camel's OpenAPI document ({@code /api/openapi.json}) behind the same read rule as the pages: camel-rest serves it
 * from a route of its own, which none of the console's beans sees, so the guard wraps its processor (camel-rest uses
 * the one {@link RestApiProcessorFactory} in the registry).
 */
public final class GuardedApiDocs implements RestApiProcessorFactory {

    private final RestApiProcessorFactory openApi = new OpenApiRestApiProcessorFactory();
    private final AdminGuard guard;

    GuardedApiDocs(AdminGuard guard) {
        this.guard = guard;
    }

    @Override
    public Processor createApiProcessor(CamelContext context, String contextPath, RestConfiguration configuration,
            Map<String, Object> parameters) throws Exception {
        Processor document = openApi.createApiProcessor(context, contextPath, configuration, parameters);
        CamelContextAware.trySetCamelContext(document, context);
        // a DelegateProcessor, so that the route starts the document's processor as it would have unwrapped
        return new DelegateProcessor(document) {
            @Override
            public void process(Exchange exchange) throws Exception {
                try {
                    guard.checkRead(exchange);
                } catch (RuntimeException e) {
                    Responses.error(exchange, e);
                    return;
                }
                processNext(exchange);
            }
        };
    }
}
