package com.bulletiningest.app;

import com.bulletiningest.app.web.WebConfiguration;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The long-running service: Camel Main with the properties of {@code config/application.properties} and the routes of
 * {@code routes/*.yaml}, both read from the working directory so an admin edits them without rebuilding.
 */
public final class BulletinService {

    static final String PROPERTIES_LOCATION = "file:config/application.properties";

    private final Main main = new Main();

    /** @param overrides properties that win over the file and the environment (tests point them at temp folders) */
    public BulletinService(Map<String, String> overrides) {
        main.setPropertyPlaceholderLocations(PROPERTIES_LOCATION);
        // in any order: each bean is made from properties and injected beans, by Camel, when first needed. Added as
        // instances: Camel Main post-processes a configuration given by class twice (its injector, then again), which
        // would call the factories that start the database and the mail server twice
        main.configure().addConfiguration(new EmbeddedMailConfiguration());
        main.configure().addConfiguration(new BulletinServiceConfiguration());
        main.configure().addConfiguration(new FolderIntakeConfiguration());
        main.configure().addConfiguration(new MailIntakeConfiguration());
        main.configure().addConfiguration(new WebConfiguration());
        overrides.forEach(main::addOverrideProperty);
    }

    /** Runs until the JVM is asked to stop (Ctrl+C, SIGTERM), then shuts routes, mail and database down in order. */
    public void run() throws Exception {
        main.run();
    }

    public void start() {
        main.start();
    }

    public void stop() {
        main.stop();
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }
}
