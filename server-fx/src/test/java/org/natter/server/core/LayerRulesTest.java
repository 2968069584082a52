package org.natter.server.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server core and the console are usable without a display: they never reach into JavaFX, the UI or the
 * shared JavaFX helpers, so {@code --headless} loads no JavaFX class. Each rule fails if it selects no class
 * (ArchUnit's default), so a moved package cannot make it pass by checking nothing.
 */
class LayerRulesTest {

    private static final String[] FX = {"javafx..", "org.natter.server.ui..", "org.natter.common.fx..",
        "org.controlsfx..", "atlantafx..", "org.kordamp.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.natter.server");

    @Test
    void coreDoesNotUseJavaFxOrTheUi() {
        noClasses().that().resideInAPackage("org.natter.server.core..")
                .should().dependOnClassesThat().resideInAnyPackage(FX)
                .check(classes);
    }

    @Test
    void consoleDoesNotUseJavaFxOrTheUi() {
        noClasses().that().resideInAPackage("org.natter.server.console..")
                .should().dependOnClassesThat().resideInAnyPackage(FX)
                .check(classes);
    }
}
