package com.bulletiningest.app.web;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.bulletiningest.app.Eventually;
import com.bulletiningest.app.RunningService;
import com.bulletiningest.fixtures.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on loopback as an attacker on this machine, or a web page in the admin's browser, would try it (the
 * running service, seed-000 ingested, real HTTP written byte by byte): credentials only from the Authorization
 * header, parameters only from the query string and each once, bad values a 400 with a message, security headers,
 * the Host check and the throttling of wrong passwords.
 */
@DisplayName("console hardened against hostile requests")
class HardenedApiTest {

    private static final String PASSWORD = "hardened-admin-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    @RegisterExtension
    static final RunningService service = RunningService.withOwners(RunningService.OWNERS)
            .with("bulletin.admin-password", PASSWORD).with("bulletin.public-url", "https://bulletins.example.org/")
            .withIngested("seed-000.pdf");
    private static RawHttp http;
    private static LogCapture log;

    @BeforeAll
    static void watch() {
        http = new RawHttp(Integer.parseInt(service.properties.get("bulletin.http.port")));
        log = LogCapture.start();
    }

    @AfterAll
    static void stopWatching() {
        log.close();
    }

    @Test
    @DisplayName("?Authorization=Basic … in the URL is no login: 401, the digest is not queued again")
    void credentialsInTheQueryAreRefused() throws Exception {
        String resentBefore = resentAt(1);
        RawHttp.Response answer = http.post("/api/digests/1/resend?Authorization="
                + URLEncoder.encode(RawHttp.basic(PASSWORD), StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(resentAt(1)).isEqualTo(resentBefore);
        assertThat(http.post("/api/digests/1/resend", "Authorization", RawHttp.basic(PASSWORD)).status())
                .as("the same password in the header").isEqualTo(200);
    }

    @Test
    @DisplayName("a 401 asks the browser for the password (WWW-Authenticate Basic realm=\"bulletin-ingest\"); "
            + "the console's own script asks in the page")
    void unauthorisedCarriesTheChallenge() throws Exception {
        RawHttp.Response browser = http.post("/api/digests/1/resend");
        assertThat(browser.status()).isEqualTo(401);
        assertThat(browser.header("WWW-Authenticate")).startsWith("Basic realm=\"bulletin-ingest\"");
        assertThat(JSON.readTree(browser.body()).get("error").asText()).isEqualTo("this action needs the admin password");

        RawHttp.Response script = http.post("/api/digests/1/resend", "X-Requested-With", "XMLHttpRequest");
        assertThat(script.status()).isEqualTo(401);
        assertThat(script.header("WWW-Authenticate")).isNull();
    }

    @Test
    @DisplayName("request headers named like parameters change nothing: page: 2147483647, category: pharma")
    void headersAreNoParameters() throws Exception {
        JsonNode all = json(http.get("/api/notices?size=1"));
        JsonNode withHeaders = json(http.get("/api/notices?size=1", "page", "2147483647", "category", "pharma"));

        assertThat(withHeaders.get("total").asLong()).isEqualTo(all.get("total").asLong()).isGreaterThan(
                json(http.get("/api/notices?size=1&category=pharma")).get("total").asLong());
        assertThat(withHeaders.get("page").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("a repeated parameter is a 400 naming it: q=a&q=b")
    void repeatedParameter() throws Exception {
        RawHttp.Response answer = http.get("/api/notices?q=a&q=b");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).isEqualTo("parameter q is given 2 times; give it once");
    }

    @Test
    @DisplayName("out-of-range values are a 400 with a message, one DEBUG line at most, never a 500 or a stack trace")
    void badValuesAreClientErrors() throws Exception {
        List<String> targets = List.of("/api/notices?page=2147483647", "/api/notices?q=%00",
                "/api/notices?issued_from=%2B999999999-12-31", "/api/notices?deadline_before=-999999999-01-01",
                "/api/notices?size=100000", "/api/deadlines?today=%2B999999999-12-31", "/api/deadlines?days=2147483647",
                "/api/deadlines?past=-1", "/api/bulletins?limit=-1", "/api/digests?limit=-5", "/api/notices?q=%zz",
                "/api/notices/%00", "/api/notices?sort=%00");
        int warningsBefore = log.atLeast(Level.WARN).size();
        for (String target : targets) {
            RawHttp.Response answer = http.get(target);
            assertThat(answer.status()).as(target).isIn(400, 404);
            assertThat(error(answer)).as(target).isNotBlank().doesNotContain("Exception");
        }
        assertThat(error(http.get("/api/notices?page=2147483647"))).isEqualTo("page must be from 1 to 10000, not 2147483647");
        assertThat(error(http.get("/api/notices?q=%00"))).isEqualTo("q must not contain NUL");
        assertThat(error(http.get("/api/deadlines?today=%2B999999999-12-31")))
                .isEqualTo("today must be a date like 2021-03-12, not '+999999999-12-31'");
        assertThat(log.atLeast(Level.WARN).subList(warningsBefore, log.atLeast(Level.WARN).size())).isEmpty();
    }

    @Test
    @DisplayName("a path that does not decode (/%zz, /api/notices/1%zz, /%2 …) is a JSON 400 with the security "
            + "headers and one DEBUG line, no ERROR or stack trace; with a foreign Host it is a 421; GET * a JSON 404")
    void undecodablePath() throws Exception {
        List<String> targets = List.of("/%zz", "/api/notices/1%zz", "/api/%", "/observe/health/%g0", "/assets/%",
                "/%2", "/notices/%zz?page=1", "http://127.0.0.1:" + port() + "/%zz");
        Configurator.setLevel(RequestGate.class.getName(), Level.DEBUG);
        int before = log.events().size();
        try {
            for (String target : targets) {
                RawHttp.Response answer = http.get(target);

                assertThat(answer.status()).as(target).isEqualTo(400);
                assertThat(answer.header("Content-Type")).as(target).startsWith("application/json");
                assertThat(error(answer)).as(target)
                        .isEqualTo("the path is not well encoded (a % must be followed by two hex digits)");
                assertThat(answer.header("Content-Security-Policy")).as(target).contains("frame-ancestors 'none'");
                assertThat(answer.header("X-Frame-Options")).as(target).isEqualTo("DENY");
                assertThat(answer.header("X-Content-Type-Options")).as(target).isEqualTo("nosniff");
            }
            assertThat(http.get("/%zz", "Host", "attacker.example").status()).isEqualTo(421);
            RawHttp.Response notAbsolute = http.get("*");
            assertThat(notAbsolute.status()).isEqualTo(404);
            assertThat(error(notAbsolute)).isEqualTo("nothing at GET *");
            assertThat(notAbsolute.header("X-Frame-Options")).isEqualTo("DENY");
        } finally {
            Configurator.setLevel(RequestGate.class.getName(), Level.INFO);
        }
        List<LogCapture.Event> logged = log.events().subList(before, log.events().size());
        assertThat(logged).filteredOn(event -> event.level().isMoreSpecificThan(Level.WARN)
                || !event.stackTrace().isEmpty()).isEmpty();
        assertThat(logged).filteredOn(event -> event.message().startsWith("Refused GET"))
                .hasSize(targets.size()).allSatisfy(event -> assertThat(event.level()).isEqualTo(Level.DEBUG));
    }

    @Test
    @DisplayName("a path under /api that nothing serves answers the same JSON error shape (404)")
    void unknownApiPath() throws Exception {
        RawHttp.Response answer = http.get("/api/nothing/here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(error(answer)).isEqualTo("nothing at GET /api/nothing/here");
        assertThat(error(http.get("/nothing/here"))).as("outside /api too").isEqualTo("nothing at GET /nothing/here");
    }

    @Test
    @DisplayName("every answer carries CSP without inline script, nosniff, no framing and no referrer")
    void securityHeaders() throws Exception {
        for (String target : List.of("/", "/notices/1", "/assets/console.js", "/api/notices", "/api/nothing",
                "/observe/health", "/api/openapi.json")) {
            RawHttp.Response answer = http.get(target);
            assertThat(answer.header("Content-Security-Policy")).as(target)
                    .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(answer.header("X-Content-Type-Options")).as(target).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(target).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).as(target).isEqualTo("no-referrer");
        }
        assertThat(http.get("/").body()).as("the page shell has no inline script or handler")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]|\\son[a-z]+=");
    }

    @Test
    @DisplayName("Host: attacker.example (DNS rebinding) gets 421; localhost, 127.0.0.1, [::1] and the public URL's host 200")
    void foreignHostIsRefused() throws Exception {
        RawHttp.Response rebound = http.get("/api/notices", "Host", "attacker.example:" + port());
        assertThat(rebound.status()).isEqualTo(421);
        assertThat(rebound.body()).doesNotContain("notices\"");
        assertThat(http.get("/", "Host", "attacker.example").status()).isEqualTo(421);
        assertThat(http.get("/observe/health", "Host", "localhost.attacker.example").status()).isEqualTo(421);
        for (String host : List.of("localhost:" + port(), "127.0.0.1:" + port(), "[::1]:" + port(), "LOCALHOST",
                "bulletins.example.org")) {
            assertThat(http.get("/api/notices", "Host", host).status()).as(host).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("10 wrong passwords in a minute from 127.0.0.2: then 429 with Retry-After, even for the right one; "
            + "one WARN naming the address, never the password; 127.0.0.1 is unaffected")
    void wrongPasswordsAreThrottled() throws Exception {
        RawHttp guesser = new RawHttp(port(), InetAddress.getByName("127.0.0.2"));
        for (int i = 0; i < LoginThrottle.FAILURES; i++) {
            assertThat(guesser.post("/api/digests/1/resend", "Authorization", RawHttp.basic("guess-" + i)).status())
                    .as("guess " + i).isEqualTo(401);
        }
        RawHttp.Response refused = guesser.post("/api/digests/1/resend", "Authorization", RawHttp.basic(PASSWORD));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(log.mentioning("wrong admin passwords from 127.0.0.2")).hasSize(1);
        assertThat(log.mentioning("guess-")).isEmpty();
        assertThat(http.post("/api/digests/1/resend", "Authorization", RawHttp.basic(PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("the issue's repro: a link x.reason.txt to a file, set aside as a link, then a dangling link x: "
            + "x's reason is not written into that file, the console does not show it, and the log says why")
    void plantedLinkInTheInbox() throws Exception {
        Path victim = Files.writeString(home.resolve("victim.txt"), "precious");
        Path failed = service.inbox().resolve(".failed");
        Files.createSymbolicLink(service.inbox().resolve("x.reason.txt"), victim);
        Eventually.within(RunningService.PATIENCE, "the link set aside",
                () -> Files.isSymbolicLink(failed.resolve("x.reason.txt")));
        Files.createSymbolicLink(service.inbox().resolve("x"), home.resolve("nowhere"));
        Eventually.within(RunningService.PATIENCE, "the dangling link set aside",
                () -> Files.isSymbolicLink(failed.resolve("x")));

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.readSymbolicLink(failed.resolve("x.reason.txt"))).isEqualTo(victim);
        assertThat(log.mentioning("x.reason.txt is a link or no regular file: left alone")).hasSize(1);
        assertThat(http.get("/api/failures").body()).doesNotContain("precious");
    }

    @Test
    @DisplayName("a dry run with a catastrophic regex (2^n steps) is stopped and reported as a 400 within seconds")
    void catastrophicRegexIsStopped() throws Exception {
        long before = System.nanoTime();
        RawHttp.Response answer = http.postText("/api/rules/dry-run", """
                rules:
                  - tag: 灾难
                    regex: "^(([^Z])\\\\2?|[^Z])+Z"
                    in: [body]
                """, "Authorization", RawHttp.basic(PASSWORD));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).startsWith("the regex \"^(([^Z])\\2?|[^Z])+Z\" took longer than 200 ms on one notice");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
    }

    private static int port() {
        return Integer.parseInt(service.properties.get("bulletin.http.port"));
    }

    private static String resentAt(long digest) throws Exception {
        return String.valueOf(service.strings("select resent_at from outbox where id = " + digest));
    }

    private static JsonNode json(RawHttp.Response answer) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String error(RawHttp.Response answer) throws Exception {
        return JSON.readTree(answer.body()).get("error").asText();
    }
}
