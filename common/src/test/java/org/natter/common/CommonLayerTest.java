package org.natter.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shared model and protocol are plain Java: any client, bot or headless server can use them without loading a
 * JavaFX class. Only {@code org.natter.common.fx} may use JavaFX (an optional dependency of this module).
 */
class CommonLayerTest {

    private static final JavaClasses COMMON = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.natter.common");

    @Test
    void onlyCommonFxUsesJavaFx() {
        noClasses().that().resideInAPackage("org.natter.common..")
                .and().resideOutsideOfPackage("org.natter.common.fx..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.natter.common.fx..")
                .check(COMMON);
    }

    @Test
    void commonKnowsNothingOfTheAppsOrNetty() {
        noClasses().that().resideInAPackage("org.natter.common..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.natter.server..", "org.natter.client..")
                .check(COMMON);
    }

    @Test
    void theFxHelpersAreWhereTheRulesExpectThem() {
        // Guards the first rule against a rename: it would pass, checking nothing, if JavaFX moved elsewhere.
        assertThat(COMMON.stream()
                .filter(c -> c.getPackageName().equals("org.natter.common.fx"))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("javafx."))).isTrue();
    }

    @Test
    void modelDoesNotDependOnTheWireFormat() {
        noClasses().that().resideInAPackage("org.natter.common.model..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.gson..", "org.natter.common.protocol..")
                .check(COMMON);
    }
}
