package com.bulletiningest.app.web;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.bulletiningest.app.RunningService;
import com.bulletiningest.app.ServiceProcess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule decides whether the console is exposed: the address the HTTP server binds, whichever property set it. Here
 * it is Camel's own {@code CAMEL_SERVER_HOST} in the environment of a real service JVM, not
 * {@code bulletin.http.bind-address}.
 */
@DisplayName("console exposure decided by the server's real address")
class ExposureIT {

    @TempDir
    Path home;

    @Test
    @DisplayName("CAMEL_SERVER_HOST=0.0.0.0 without BULLETIN_ADMIN_PASSWORD: the service refuses to start and says why")
    void everyInterfaceWithoutPasswordIsRefused() throws Exception {
        try (ServiceProcess service = new ServiceProcess(home, RunningService.OWNERS)) {
            service.environment.put("CAMEL_SERVER_HOST", "0.0.0.0");
            service.start();

            assertThat(service.awaitExit()).isNotZero();
            assertThat(Files.readString(service.log()))
                    .contains("refusing to serve the console on 0.0.0.0: beyond loopback it needs an admin password")
                    .doesNotContain("Console at http://127.0.0.1");
        }
    }

    @Test
    @DisplayName("the console's port held by another program: the service waits a few seconds for it, then refuses to "
            + "start and says which port and which setting, instead of running without a console")
    void portInUseIsRefused() throws Exception {
        try (ServiceProcess service = new ServiceProcess(home, RunningService.OWNERS);
             ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            service.properties.put("bulletin.http.port", String.valueOf(holder.getLocalPort()));
            service.start();

            assertThat(service.awaitExit()).isNotZero();
            assertThat(Files.readString(service.log()))
                    .contains("the console's port 127.0.0.1:" + holder.getLocalPort() + " is in use")
                    .contains("BULLETIN_HTTP_PORT")
                    .doesNotContain("BindException")
                    .doesNotContain("Console at http://");
        }
    }

    @Test
    @DisplayName("CAMEL_SERVER_HOST=0.0.0.0 with a password: the log names 0.0.0.0; /observe/metrics needs the password, "
            + "/observe/health is open with the status only")
    void everyInterfaceWithPassword() throws Exception {
        try (ServiceProcess service = new ServiceProcess(home, RunningService.OWNERS)) {
            service.environment.put("CAMEL_SERVER_HOST", "0.0.0.0");
            service.environment.put("BULLETIN_ADMIN_PASSWORD", "exposed-admin-password");
            service.start();
            int port = Integer.parseInt(service.properties.get("bulletin.http.port"));
            assertThat(service.awaitLog("Console at http://")).contains("Console at http://0.0.0.0:" + port + "/");
            service.awaitLog("Apache Camel .* started in");
            RawHttp http = new RawHttp(port);

            RawHttp.Response metrics = http.get("/observe/metrics");
            assertThat(metrics.status()).isEqualTo(401);
            assertThat(metrics.header("WWW-Authenticate")).startsWith("Basic realm=\"bulletin-ingest\"");
            assertThat(http.get("/observe/metrics", "Authorization", RawHttp.basic("exposed-admin-password")).body())
                    .contains("bulletin_notices_stored");
            RawHttp.Response health = http.get("/observe/health", "Host", "any.example.org");
            assertThat(health.status()).isIn(200, 503);
            assertThat(health.body()).contains("\"status\"").doesNotContain("database").doesNotContain("checks");
            assertThat(http.get("/observe/health?exposureLevel=full").status()).isEqualTo(401);
            assertThat(http.get("/api/notices").status()).isEqualTo(401);
        }
    }
}
