package com.bulletiningest.app;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.bulletiningest.app.web.WebConfiguration;
import org.apache.camel.PropertyInject;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings as the service reads them: config/application.properties, overridden by environment variables. The
 * configurations take every setting by name from there, with no default of their own.
 */
@DisplayName("settings")
class SettingsTest {

    /** Set by MailIntakeConfiguration from bulletin.imap.tls, not by an admin. */
    private static final String DERIVED = "bulletin.imap.protocol";

    @Test
    @DisplayName("values come from config/application.properties; empty ones read as empty")
    void fromTheFile() {
        PropertiesComponent properties = properties();

        assertThat(properties.resolveProperty("bulletin.inbox")).contains("inbox");
        assertThat(properties.resolveProperty("bulletin.inbox.min-age")).contains("500");
        assertThat(properties.resolveProperty("bulletin.db.url")).contains("");
        assertThat(properties.resolveProperty("bulletin.smtp.port")).contains("3025");
        assertThat(properties.resolveProperty("bulletin.imap.port")).contains("3143");
    }

    @Test
    @DisplayName("every setting a configuration injects is in config/application.properties, its one default")
    void everyInjectedSettingHasItsDefaultInTheFile() throws IOException {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("config", "application.properties"))) {
            file.load(reader);
        }
        List<String> injected = new ArrayList<>();
        for (Class<?> configuration : List.of(EmbeddedMailConfiguration.class, BulletinServiceConfiguration.class,
                FolderIntakeConfiguration.class, MailIntakeConfiguration.class, WebConfiguration.class)) {
            for (Field field : configuration.getDeclaredFields()) {
                add(injected, field.getAnnotation(PropertyInject.class));
            }
            for (Method method : configuration.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    add(injected, parameter.getAnnotation(PropertyInject.class));
                }
            }
        }

        assertThat(injected).hasSizeGreaterThan(30);
        assertThat(injected).filteredOn(key -> !key.equals(DERIVED)).allSatisfy(key -> assertThat(file).containsKey(key));
    }

    private static void add(List<String> keys, PropertyInject inject) {
        if (inject != null) {
            assertThat(inject.defaultValue()).as(inject.value() + " has a default in Java").isEmpty();
            keys.add(inject.value());
        }
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
        PropertiesComponent properties = properties();
        for (String key : List.of("bulletin.db.url", "bulletin.data-dir", "bulletin.inbox.min-age", "bulletin.inbox")) {
            System.out.println(key + "=" + properties.resolveProperty(key).orElse(""));
        }
    }

    private static PropertiesComponent properties() {
        PropertiesComponent properties = new DefaultCamelContext().getPropertiesComponent();
        properties.setLocation(BulletinService.PROPERTIES_LOCATION);
        return properties;
    }
}
