package org.natter.server.ui;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The admin window's packages: the shell ({@code ui}) puts the features together; each feature ({@code ui.log},
 * {@code ui.users}, {@code ui.pending}, {@code ui.settings}, {@code ui.control}, {@code ui.rooms},
 * {@code ui.bans}) stands on its own and shares only {@code ui.shared}. View models stay testable without a toolkit.
 */
class UiLayerRulesTest {

    private static final String SHELL = "org.natter.server.ui";
    private static final String SHARED = "org.natter.server.ui.shared..";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SHELL);

    @Test
    void viewModelsDoNotTouchNodesOrStages() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleName("EventPump").or().haveSimpleName("LogFormatter")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "org.controlsfx..", "org.kordamp..")
                .check(classes);
    }

    @Test
    void featuresDoNotDependOnEachOther() {
        slices().matching("org.natter.server.ui.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage(SHARED))
                .check(classes);
    }

    @Test
    void featuresAndSharedCodeDoNotReachBackIntoTheShell() {
        noClasses().that().resideInAPackage("org.natter.server.ui.*..")
                .should().dependOnClassesThat().resideInAPackage(SHELL)
                .check(classes);
    }

    @Test
    void sharedCodeKnowsNoFeature() {
        noClasses().that().resideInAPackage(SHARED)
                .should().dependOnClassesThat().resideInAnyPackage("org.natter.server.ui.log..",
                        "org.natter.server.ui.users..", "org.natter.server.ui.pending..",
                        "org.natter.server.ui.settings..", "org.natter.server.ui.control..",
                        "org.natter.server.ui.rooms..", "org.natter.server.ui.bans..")
                .check(classes);
    }
}
