package com.bulletiningest.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one check deciding whether a link found in a PDF may be shown as a link (the console's notice page, the
 * digests): only an absolute http(s) address with a host. A {@code javascript:}, {@code data:} or {@code file:} URI, or
 * anything that does not parse, stays plain text: a PDF anyone may mail in must not put script behind a title.
 */
public final class WebLink {

    private WebLink() {
    }

    /** The link as it may be put into {@code href} (stripped), or empty when it is no web link. */
    public static Optional<String> of(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String link = uri.strip();
        try {
            URI parsed = new URI(link);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && parsed.getHost() != null;
            return web ? Optional.of(link) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static boolean isWebLink(String uri) {
        return of(uri).isPresent();
    }

    /** The first web link of a list, e.g. a notice's title links. */
    public static Optional<String> first(List<String> uris) {
        return uris.stream().map(WebLink::of).flatMap(Optional::stream).findFirst();
    }
}
