package org.natter.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of the client: the network library and the terminal mode know nothing of JavaFX or the UI, nor of
 * the shared JavaFX helpers in common.fx, so that {@code --cli} loads no JavaFX class.
 */
class ArchitectureTest {

    private static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.natter.client");

    @Test
    void networkLibraryDependsOnNeitherJavaFxNorTheUi() {
        noClasses().that().resideInAPackage("..client.net..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..ui..", "org.controlsfx..", "atlantafx..",
                        "org.natter.common.fx..")
                .check(CLIENT);
    }

    @Test
    void terminalModeDependsOnNeitherJavaFxNorTheUi() {
        noClasses().that().resideInAPackage("..client.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..ui..", "org.controlsfx..", "atlantafx..",
                        "org.natter.common.fx..")
                .check(CLIENT);
    }

    @Test
    void clientMainReachesJavaFxOnlyThroughTheWindowLauncher() {
        noClasses().that().haveFullyQualifiedName(ClientMain.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..ui..", "org.natter.common.fx..")
                .check(CLIENT);
    }

    @Test
    void viewModelsUseNoControlsOrNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .check(CLIENT);
    }
}
