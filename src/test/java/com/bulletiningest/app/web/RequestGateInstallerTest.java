package com.bulletiningest.app.web;

import java.io.IOException;
import java.time.Clock;

import com.bulletiningest.app.RunningService;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The front door is on the HTTP server from the moment it listens: a request sent by the service Camel starts right
 * after camel-platform-http-main's server, before any route or other service exists, already meets the gate.
 */
@DisplayName("the console's front door from the server's first answer")
class RequestGateInstallerTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    @DisplayName("the first request the server answers, before any route starts, passes the gate: a foreign Host 421 "
            + "with the security headers")
    void gatedFromTheFirstAnswer() throws Exception {
        int port = RunningService.freePort();
        addServer("127.0.0.1", port);
        WebExposure exposure = WebExposure.of("127.0.0.1", port, false);
        RequestGateInstaller.install(context, gate(exposure), exposure);
        FirstRequest first = new FirstRequest(new RawHttp(port));
        context.addService(first);

        context.start();

        assertThat(first.answer.status()).isEqualTo(421);
        assertThat(first.answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(first.answer.body()).contains("this server answers only to localhost");
    }

    @Test
    @DisplayName("a server set to listen elsewhere than the exposure was decided for stops the start")
    void otherHostIsRefused() throws Exception {
        int port = RunningService.freePort();
        addServer("0.0.0.0", port);
        WebExposure exposure = WebExposure.of("127.0.0.1", port, false);

        assertThat(catchThrowable(() -> RequestGateInstaller.install(context, gate(exposure), exposure)))
                .hasMessage("the HTTP server is to listen on 0.0.0.0, not on 127.0.0.1 as the console's access rules "
                        + "were decided for");
    }

    /** camel-platform-http-main's server, as Camel Main adds it before the configurations run. */
    private void addServer(String host, int port) throws Exception {
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setHost(host);
        server.setPort(port);
        context.addService(server);
    }

    private static RequestGate gate(WebExposure exposure) {
        return new RequestGate(new AdminGuard("", exposure, new LoginThrottle(Clock.systemUTC())),
                RequestGate.loopbackHosts(""), 2);
    }

    /** Sends one request with a foreign Host as it starts, right after the HTTP server (services start in order). */
    private static final class FirstRequest extends ServiceSupport {

        private final RawHttp http;
        private RawHttp.Response answer;

        FirstRequest(RawHttp http) {
            this.http = http;
        }

        @Override
        protected void doStart() throws IOException {
            answer = http.get("/observe/health", "Host", "attacker.example");
        }
    }
}
