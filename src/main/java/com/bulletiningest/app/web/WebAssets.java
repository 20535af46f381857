package com.bulletiningest.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

/**
 * The console's page shell, script and style, from {@code web/} in the jar, sent as the UTF-8 bytes they are (Camel's own
 * static-file handler would decode them with the platform charset, garbling Chinese under {@code LANG=C}).
 */
public final class WebAssets {

    /** console.html is the shell of every page; console.js fills it according to the address. */
    private static final List<String> FILES = List.of("console.html", "console.js", "console.css");

    private final Map<String, byte[]> files = new HashMap<>();
    private final AdminGuard guard;

    WebAssets(AdminGuard guard) {
        this.guard = guard;
        for (String name : FILES) {
            try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("web/" + name + " is missing from the jar");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Sends the named file; 404 for any other name. */
    public void send(String name, Exchange exchange) {
        try {
            guard.checkRead(exchange);
            byte[] content = files.get(name);
            if (content == null) {
                throw new Params.NotFoundException("no page " + name);
            }
            Responses.send(exchange, 200, contentType(name), content);
        } catch (RuntimeException e) {
            Responses.error(exchange, e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=UTF-8";
        }
        return name.endsWith(".css") ? "text/css; charset=UTF-8" : "text/html; charset=UTF-8";
    }
}
