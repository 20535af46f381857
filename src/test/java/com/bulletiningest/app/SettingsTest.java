package com.bulletiningest.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings as the service reads them: config/application.properties, overridden by environment variables. */
@DisplayName("settings")
class SettingsTest {

    @Test
    @DisplayName("values come from config/application.properties; empty ones read as empty")
    void fromTheFile() {
        Settings settings = settings();

        assertThat(settings.text("bulletin.inbox")).isEqualTo("inbox");
        assertThat(settings.number("bulletin.inbox.min-age", 0)).isEqualTo(500);
        assertThat(settings.isEmpty("bulletin.db.url")).isTrue();
        assertThat(settings.text("bulletin.smtp.host", "fallback")).isEqualTo("fallback");
        assertThat(settings.path("bulletin.data-dir", "x")).isEqualTo(Path.of("data"));
    }

    @Test
    @DisplayName("an environment variable named like the property (upper case, dots and dashes as _) wins over the file")
    void environmentWins() throws Exception {
        // the environment is fixed per process: ask a fresh JVM
        ProcessBuilder jvm = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SettingsTest.class.getName()));
        jvm.environment().putAll(Map.of("BULLETIN_DB_URL", "jdbc:postgresql://db:5432/bulletins",
                "BULLETIN_DATA_DIR", "/var/lib/bulletins", "BULLETIN_INBOX_MIN_AGE", "1234"));
        jvm.redirectErrorStream(true);
        Process process = jvm.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).contains("bulletin.db.url=jdbc:postgresql://db:5432/bulletins",
                "bulletin.data-dir=/var/lib/bulletins", "bulletin.inbox.min-age=1234", "bulletin.inbox=inbox");
    }

    /** Run by {@link #environmentWins} in a JVM with the environment set. */
    public static void main(String[] args) {
        Settings settings = settings();
        for (String key : List.of("bulletin.db.url", "bulletin.data-dir", "bulletin.inbox.min-age", "bulletin.inbox")) {
            System.out.println(key + "=" + settings.text(key));
        }
    }

    private static Settings settings() {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation(BulletinService.PROPERTIES_LOCATION);
        return new Settings(context);
    }
}
