package com.bulletiningest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The packages in pipeline order, each depending only on those below it: app (Camel edge, composition root, HTTP)
 * → intake → notify → store → enrich → split → extract, with config below all; Camel only at the edge.
 */
@DisplayName("architecture")
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.bulletiningest");
    }

    @Test
    @DisplayName("dependencies point one way, down the pipeline")
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("com.bulletiningest.app..")
                .layer("intake").definedBy("com.bulletiningest.intake..")
                .layer("notify").definedBy("com.bulletiningest.notify..")
                .layer("store").definedBy("com.bulletiningest.store..")
                .layer("enrich").definedBy("com.bulletiningest.enrich..")
                .layer("split").definedBy("com.bulletiningest.split..")
                .layer("extract").definedBy("com.bulletiningest.extract..")
                .layer("config").definedBy("com.bulletiningest.config..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("intake").mayOnlyBeAccessedByLayers("app")
                .whereLayer("notify").mayOnlyBeAccessedByLayers("app", "intake")
                .whereLayer("store").mayOnlyBeAccessedByLayers("app", "intake", "notify")
                .whereLayer("enrich").mayOnlyBeAccessedByLayers("app", "intake", "notify", "store")
                .whereLayer("split").mayOnlyBeAccessedByLayers("app", "intake", "notify", "store", "enrich")
                .whereLayer("extract").mayOnlyBeAccessedByLayers("app", "intake", "notify", "store", "enrich", "split")
                .check(production);
    }

    @Test
    @DisplayName("the core is plain Java: Camel only in app and intake")
    void camelAtTheEdges() {
        noClasses().that().resideInAnyPackage("com.bulletiningest.notify..", "com.bulletiningest.store..",
                        "com.bulletiningest.enrich..", "com.bulletiningest.split..", "com.bulletiningest.extract..",
                        "com.bulletiningest.config..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .check(production);
    }
}
