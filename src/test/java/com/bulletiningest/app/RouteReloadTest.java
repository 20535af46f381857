package com.bulletiningest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.bulletiningest.fixtures.LogCapture;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import com.bulletiningest.app.web.RequestHeaderFilter;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route reload settings of config/application.properties: admins edit routes/*.yaml while the service runs.
 * Camel Main with those settings, on a temporary routes folder holding one small route.
 */
@DisplayName("route reload")
class RouteReloadTest {

    @TempDir
    Path routes;

    private final Main main = new Main();

    @BeforeEach
    void start() throws Exception {
        Files.writeString(routes.resolve("tick.yaml"), tickRoute("first version"));
        main.setPropertyPlaceholderLocations(BulletinService.PROPERTIES_LOCATION);
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml");
        main.addOverrideProperty("camel.main.routes-reload-directory", routes.toString());
        main.addOverrideProperty("camel.server.enabled", "false"); // no console here: its port may be taken
        // the REST endpoints' header filter that the properties name (the console's own beans are not made here)
        main.bind("webHeaderFilter", new RequestHeaderFilter());
        main.start();
    }

    @AfterEach
    void stop() {
        main.stop();
    }

    @Test
    @DisplayName("saving a changed route file replaces the running route")
    void savedChangeIsReloaded() throws Exception {
        Files.writeString(routes.resolve("tick.yaml"), tickRoute("second version"));

        Eventually.within(Duration.ofSeconds(20), "the second version running",
                () -> "second version".equals(description()) && status() == ServiceStatus.Started);
    }

    @Test
    @DisplayName("saving a broken route file keeps the running routes, and the fixed file is then loaded")
    void brokenFileKeepsTheRunningRoutes() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            Files.writeString(routes.resolve("tick.yaml"), tickRoute("broken").replace("      steps:", "     - steps: ["));
            Eventually.within(Duration.ofSeconds(20), "the broken file's reload error logged",
                    () -> !log.mentioning("Error reloading routes").isEmpty());
        }

        assertThat(description()).isEqualTo("first version");
        assertThat(status()).isEqualTo(ServiceStatus.Started);

        Files.writeString(routes.resolve("tick.yaml"), tickRoute("fixed"));
        Eventually.within(Duration.ofSeconds(20), "the fixed version running",
                () -> "fixed".equals(description()) && status() == ServiceStatus.Started);
    }

    private static String tickRoute(String description) {
        return """
                - route:
                    id: tick
                    description: %s
                    from:
                      uri: timer:tick
                      parameters:
                        period: 200
                      steps:
                        - setBody:
                            constant: tick
                """.formatted(description);
    }

    private String description() {
        Route route = main.getCamelContext().getRoute("tick");
        return route == null ? null : route.getDescription();
    }

    private ServiceStatus status() {
        return main.getCamelContext().getRouteController().getRouteStatus("tick");
    }
}
