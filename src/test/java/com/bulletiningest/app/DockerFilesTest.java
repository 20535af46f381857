package com.bulletiningest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/compose.yaml and docker/Dockerfile as an admin runs them (no Docker engine here: the files are read as
 * compose reads them): nothing listens beyond this host, no password has a default, images are pinned.
 */
@DisplayName("docker files")
class DockerFilesTest {

    private static final Path COMPOSE = Path.of("docker/compose.yaml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(:?[?-])?([^}]*)}");
    private static String text;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        text = Files.readString(COMPOSE);
        Map<String, Object> compose = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    @DisplayName("every published port is bound to 127.0.0.1")
    @SuppressWarnings("unchecked")
    void portsOnLoopbackOnly() {
        List<String> ports = new ArrayList<>();
        services.values().forEach(service -> ports.addAll((List<String>) service.getOrDefault("ports", List.of())));
        assertThat(ports).isNotEmpty().allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
    }

    @Test
    @DisplayName("every variable is required (${NAME:?message}), without a default: compose stops and says which is missing")
    void variablesAreRequired() {
        Matcher variable = VARIABLE.matcher(text);
        List<String> names = new ArrayList<>();
        while (variable.find()) {
            assertThat(variable.group(2)).as(variable.group()).isEqualTo(":?");
            assertThat(variable.group(3)).as(variable.group()).startsWith("set " + variable.group(1));
            names.add(variable.group(1));
        }
        assertThat(names).contains("BULLETIN_DB_PASSWORD", "BULLETIN_IMAP_PASSWORD", "BULLETIN_MAIL_ALLOWED_SENDERS");
        // every password the services get comes from such a variable, none is written in the file
        services.values().forEach(service -> environment(service).forEach((name, value) -> {
            if (name.contains("PASSWORD")) {
                assertThat(value).as(name).matches("\\$\\{[A-Z_]+:\\?[^}]*}");
            }
        }));
    }

    @Test
    @DisplayName("the mail server authenticates and the intake takes bulletins only from the allowed senders")
    void mailIsClosed() {
        String options = environment(services.get("mail")).get("GREENMAIL_OPTS");
        assertThat(options).doesNotContain("auth.disabled").contains("-Dgreenmail.users=bulletins:${BULLETIN_IMAP_PASSWORD:?");
        assertThat(environment(services.get("app"))).containsKey("BULLETIN_MAIL_ALLOWED_SENDERS");
    }

    @Test
    @DisplayName("config/ and routes/ are mounted read-only; every service restarts unless stopped; app and database "
            + "have a health check")
    @SuppressWarnings("unchecked")
    void mountsRestartAndHealth() {
        List<String> volumes = (List<String>) services.get("app").get("volumes");
        assertThat(volumes).contains("../config:/app/config:ro", "../routes:/app/routes:ro");
        services.values().forEach(service -> assertThat(service.get("restart")).isEqualTo("unless-stopped"));
        assertThat(services.get("app")).containsKey("healthcheck");
        assertThat(services.get("postgres")).containsKey("healthcheck");
    }

    @Test
    @DisplayName("images are pinned to a full version, in compose and in the Dockerfile")
    void imagesArePinned() throws Exception {
        List<String> images = new ArrayList<>();
        services.values().forEach(service -> images.add((String) service.get("image")));
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(Files.readString(Path.of("docker/Dockerfile")));
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).hasSize(5).allSatisfy(image -> assertThat(image).matches("[a-z/-]+:\\d+\\.\\d+[\\w.-]*"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        return (Map<String, String>) service.getOrDefault("environment", Map.of());
    }
}
