package com.bulletiningest.ingest;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The header and property names the routes spell out are those of {@link Headers} (or Camel's own). */
@DisplayName("headers")
class HeadersTest {

    /** {@code ${header.x}}, {@code ${exchangeProperty.x}}, and the name of a setHeader / setProperty. */
    private static final Pattern USED = Pattern.compile(
            "\\$\\{(?:header|headers|exchangeProperty)\\.(\\w+)|set(?:Header|Property):\\s*\\n\\s*name:\\s*(\\w+)");
    /** A REST path parameter, which Camel hands over as a header of that name. */
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");

    @Test
    @DisplayName("every header and exchange property a route names is a constant of Headers, or one of Camel's")
    void routesNameOnlyKnownHeaders() throws Exception {
        Set<String> known = constants();
        List<String> unknown = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String yaml = Files.readString(file);
                Set<String> pathParameters = new HashSet<>();
                PATH_PARAMETER.matcher(yaml).results().forEach(m -> pathParameters.add(m.group(1)));
                Matcher used = USED.matcher(yaml);
                while (used.find()) {
                    String name = used.group(1) != null ? used.group(1) : used.group(2);
                    seen++;
                    if (!known.contains(name) && !name.startsWith("Camel") && !pathParameters.contains(name)) {
                        unknown.add(file.getFileName() + ": " + name);
                    }
                }
            }
        }

        assertThat(seen).isGreaterThan(20);
        assertThat(unknown).isEmpty();
    }

    private static Set<String> constants() throws IllegalAccessException {
        Set<String> values = new HashSet<>();
        for (Field field : Headers.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }
}
