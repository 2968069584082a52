package org.natter.server.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** View models stay testable without a toolkit: no nodes, controls, stages or ControlsFX in them. */
class UiLayerRulesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.natter.server.ui");

    @Test
    void viewModelsDoNotTouchNodesOrStages() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleName("EventPump").or().haveSimpleName("LogFormatter")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "org.controlsfx..", "org.kordamp..")
                .check(classes);
    }
}
