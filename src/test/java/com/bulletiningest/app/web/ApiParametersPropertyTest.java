package com.bulletiningest.app.web;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.bulletiningest.app.RunningService;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random values at every parameter of the API (NUL and other control characters, any Unicode, huge and negative
 * numbers, far and impossible dates, broken %-escapes, repeated parameters, the same names as request headers) on the
 * running service with seed-000 stored: the answer is never a 500, and a refusal is JSON saying why (but for a path
 * that does not decode and a request line over 4 KB, which Vert.x refuses itself with a plain 400 or 414).
 */
class ApiParametersPropertyTest {

    /** Each endpoint with its query parameters; {id} is filled with a random value too. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/api/notices", List.of("q", "category", "group", "tag", "issuer", "issued_from", "issued_to",
                    "has_deadline", "deadline_after", "deadline_before", "sort", "page", "size")),
            new Endpoint("/api/deadlines", List.of("today", "days", "past")),
            new Endpoint("/api/bulletins", List.of("limit")),
            new Endpoint("/api/digests", List.of("limit")),
            new Endpoint("/api/facets", List.of("x")),
            new Endpoint("/api/failures", List.of("x")),
            new Endpoint("/api/rules", List.of("x")),
            new Endpoint("/api/notices/{id}", List.of("id")),
            new Endpoint("/api/bulletins/{id}/pdf", List.of("page")));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RunningService service = RunningService.withOwners(RunningService.OWNERS)
            .withIngested("seed-000.pdf");
    private static RawHttp http;

    record Endpoint(String path, List<String> parameters) {
    }

    /** A value as sent: percent-encoded, or raw (to send broken escapes such as {@code %zz}). */
    record Value(String text, boolean raw) {
        String encoded() {
            return raw ? text : URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    record Request(Endpoint endpoint, List<Value> values, Value pathValue, boolean repeat, boolean asHeaders) {
        String target() {
            StringBuilder target = new StringBuilder(endpoint.path().replace("{id}", pathValue.encoded()));
            List<String> names = endpoint.parameters();
            for (int i = 0; i < values.size(); i++) {
                target.append(i == 0 ? '?' : '&').append(names.get(i % names.size())).append('=')
                        .append(values.get(i).encoded());
            }
            if (repeat && !values.isEmpty()) {
                target.append('&').append(names.get(0)).append('=').append(values.get(0).encoded());
            }
            return target.toString();
        }

        String[] headers() {
            if (!asHeaders) {
                return new String[0];
            }
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                headers.add(endpoint.parameters().get(i % endpoint.parameters().size()));
                headers.add(values.get(i).encoded());
            }
            return headers.toArray(String[]::new);
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        service.setUp(); // jqwik runs no JUnit extension
        http = new RawHttp(Integer.parseInt(service.properties.get("bulletin.http.port")));
    }

    @AfterContainer
    static void stop() throws IOException {
        service.tearDown();
    }

    @Property(tries = 300)
    void neverAnInternalError(@ForAll("requests") Request request) throws Exception {
        RawHttp.Response answer = http.get(request.target(), request.headers());

        assertThat(answer.status()).as(request.target()).isIn(200, 400, 404, 414);
        // a path that does not %-decode is refused by Vert.x's router before any route or the front door sees it, a
        // request line over 4 KB (414) by its HTTP codec
        boolean undecodablePath = request.pathValue().raw() && request.endpoint().path().contains("{id}");
        if (answer.status() != 200 && answer.status() != 414 && !(undecodablePath && answer.status() == 400)) {
            assertThat(JSON.readTree(answer.body()).get("error").asText()).as(request.target()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        return Combinators.combine(Arbitraries.of(ENDPOINTS), values().list().ofMaxSize(4), values(),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Request::new);
    }

    private static Arbitrary<Value> values() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars('\0', '\t', '\n', '\u2028', '药', '制', 'a', ' ', '%', '&', '#')
                        .ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(600),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(BigInteger::toString),
                Arbitraries.integers().between(-3, 20_000).map(String::valueOf),
                Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.integers().between(-999_999_999, 999_999_999)
                        .map(year -> String.format("%+d-12-31", year)),
                Arbitraries.integers().between(0, 12_000).map(year -> String.format("%04d-02-29", year)),
                Arbitraries.of("", " ", "true", "false", "TRUE", "relevance", "deadline", "2021-03-12",
                        "2021-13-01", "0000-01-01", "9999-12-31", "-0001-01-01", "+10000-01-01", "NaN", "1e9",
                        "0x10", "00000000000000000000001"));
        Arbitrary<Value> raw = Arbitraries.of("%", "%zz", "%e4%b8", "%00", "%C0%80", "a%2", "%%%")
                .map(broken -> new Value(broken, true));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, text.map(value -> new Value(value, false))),
                net.jqwik.api.Tuple.of(1, raw));
    }
}
