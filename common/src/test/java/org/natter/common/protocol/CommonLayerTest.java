package org.natter.common.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shared model is plain Java: any client, bot or server can use it. */
class CommonLayerTest {

    @Test
    void commonUsesNeitherJavaFxNorNetty() {
        noClasses().that().resideInAPackage("org.natter.common..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.netty..", "org.natter.server..", "org.natter.client..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.natter.common"));
    }

    @Test
    void modelDoesNotDependOnTheWireFormat() {
        noClasses().that().resideInAPackage("org.natter.common.model..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.gson..", "org.natter.common.protocol..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.natter.common"));
    }
}
