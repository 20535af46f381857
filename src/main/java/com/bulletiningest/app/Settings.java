package com.bulletiningest.app;

import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The {@code bulletin.*} properties as Camel resolved them: config/application.properties, overridden by an
 * environment variable of the same name in upper case with dots and dashes as underscores
 * ({@code BULLETIN_DB_URL} for {@code bulletin.db.url}), overridden by a JVM system property.
 */
public final class Settings {

    private final PropertiesComponent properties;

    public Settings(CamelContext context) {
        this.properties = context.getPropertiesComponent();
    }

    /** The value, or {@code ""} when the property is missing or left empty. */
    public String text(String key) {
        return properties.resolveProperty(key).map(String::trim).orElse("");
    }

    public String text(String key, String fallback) {
        String value = text(key);
        return value.isEmpty() ? fallback : value;
    }

    public boolean isEmpty(String key) {
        return text(key).isEmpty();
    }

    public int number(String key, int fallback) {
        String value = text(key);
        try {
            return value.isEmpty() ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(text(key));
    }

    public Path path(String key, String fallback) {
        return Path.of(text(key, fallback));
    }

    /** Lets routes and beans read an effective value, e.g. the port the embedded mail server listens on. */
    public void override(String key, String value) {
        properties.addOverrideProperty(key, value);
    }
}
