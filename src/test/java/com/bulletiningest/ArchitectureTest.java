package com.bulletiningest;

import com.bulletiningest.enrich.NoticeText;
import com.bulletiningest.notify.Outbox;
import com.bulletiningest.store.db.UpwardImports;
import com.bulletiningest.store.write.BulletinStore;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packages in pipeline order, each depending only on those below it: app (Camel edge, composition root, HTTP)
 * → intake → ingest → notify → store → enrich → split → extract, with embedded (the embedded servers) and config
 * below all; inside store, the writer → the read side → the database, and intake bookkeeping → the database. Camel
 * only at the edge.
 */
@DisplayName("architecture")
class ArchitectureTest {

    private static final String ROOT = "com.bulletiningest";

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static ArchRule pipeline() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy(ROOT + ".app..")
                .layer("intake").definedBy(ROOT + ".intake..")
                .layer("ingest").definedBy(ROOT + ".ingest..")
                .layer("notify").definedBy(ROOT + ".notify..")
                .layer("store").definedBy(ROOT + ".store..")
                .layer("enrich").definedBy(ROOT + ".enrich..")
                .layer("split").definedBy(ROOT + ".split..")
                .layer("extract").definedBy(ROOT + ".extract..")
                .layer("embedded").definedBy(ROOT + ".embedded..")
                .layer("config").definedBy(ROOT + ".config..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("intake").mayOnlyBeAccessedByLayers("app")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("app", "intake")
                .whereLayer("notify").mayOnlyBeAccessedByLayers("app", "intake", "ingest")
                .whereLayer("store").mayOnlyBeAccessedByLayers("app", "intake", "ingest", "notify")
                .whereLayer("enrich").mayOnlyBeAccessedByLayers("app", "intake", "ingest", "notify", "store")
                .whereLayer("split").mayOnlyBeAccessedByLayers("app", "intake", "ingest", "notify", "store", "enrich")
                .whereLayer("extract").mayOnlyBeAccessedByLayers("app", "intake", "ingest", "notify", "store", "enrich",
                        "split")
                .whereLayer("embedded").mayOnlyBeAccessedByLayers("app", "intake", "ingest", "notify", "store",
                        "enrich", "split", "extract");
    }

    static ArchRule insideStore() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("writer").definedBy(ROOT + ".store.write..")
                .layer("read side").definedBy(ROOT + ".store.read..")
                .layer("intake bookkeeping").definedBy(ROOT + ".store.intake..")
                .layer("database").definedBy(ROOT + ".store.db..")
                .whereLayer("writer").mayNotBeAccessedByAnyLayer()
                .whereLayer("intake bookkeeping").mayNotBeAccessedByAnyLayer()
                .whereLayer("read side").mayOnlyBeAccessedByLayers("writer")
                .whereLayer("database").mayOnlyBeAccessedByLayers("writer", "read side", "intake bookkeeping");
    }

    @Test
    @DisplayName("dependencies point one way, down the pipeline")
    void layers() {
        pipeline().check(production);
    }

    @Test
    @DisplayName("inside the store, the writer and the intake bookkeeping build on the read side and the database")
    void storeLayers() {
        insideStore().check(production);
    }

    @Test
    @DisplayName("an import up the pipeline, or up inside the store, fails the build")
    void upwardImportFails() {
        JavaClasses upward = new ClassFileImporter().importClasses(UpwardImports.class, Outbox.class,
                BulletinStore.class);

        assertThatThrownBy(() -> pipeline().check(upward)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(Outbox.class.getName());
        assertThatThrownBy(() -> insideStore().check(upward)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(BulletinStore.class.getName());
    }

    @Test
    @DisplayName("the text the tag rules read is built in one place, for the enricher and the rules' dry run alike")
    void oneBuilderOfTheRulesText() {
        noClasses().that().doNotHaveFullyQualifiedName(NoticeText.class.getName())
                .should().callMethod(NoticeText.class, "builder")
                .check(production);
    }

    @Test
    @DisplayName("the core is plain Java: Camel only in app, intake, ingest and the embedded servers")
    void camelAtTheEdges() {
        noClasses().that().resideInAnyPackage(ROOT + ".notify..", ROOT + ".store..", ROOT + ".enrich..",
                        ROOT + ".split..", ROOT + ".extract..", ROOT + ".config..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .check(production);
    }
}
