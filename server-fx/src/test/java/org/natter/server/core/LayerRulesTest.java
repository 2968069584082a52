package org.natter.server.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The server core is usable without a display: it never reaches into JavaFX or the UI. */
class LayerRulesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.natter");

    @Test
    void coreDoesNotUseJavaFxOrTheUi() {
        noClasses().that().resideInAPackage("org.natter.server.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.natter.server.ui..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void consoleDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("org.natter.server.console..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.natter.server.ui..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
