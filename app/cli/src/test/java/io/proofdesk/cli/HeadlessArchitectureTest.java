package io.proofdesk.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class HeadlessArchitectureTest {

    @Test
    @DisplayName("core, devnet and CLI run headless: nothing but the desktop imports JavaFX")
    void nothingHeadlessImportsJavaFx() {
        JavaClasses headless = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.proofdesk");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(headless);
    }

    @Test
    @DisplayName("core, devnet and CLI start ONNX Runtime only through OrtRuntime (its start-up needs a large stack)")
    void ortEnvironmentOnlyThroughOrtRuntime() {
        JavaClasses headless = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.proofdesk");
        noClasses().that().doNotHaveFullyQualifiedName("io.proofdesk.reexec.OrtRuntime")
                .should().callMethodWhere(target(name("getEnvironment"))
                        .and(target(owner(name("ai.onnxruntime.OrtEnvironment")))))
                .check(headless);
    }
}
