package io.proofdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.proofdesk.reexec.OrtRuntime;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of DESIGN.md section 3, held by the compiler's neighbour: domain at the bottom, verify/report on top. */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.proofdesk");
    }

    @Test
    @DisplayName("the headless core never imports JavaFX")
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true).check(core);
    }

    @Test
    @DisplayName("domain depends on no other Proofdesk package")
    void domainIsTheBottom() {
        noClasses().that().resideInAPackage("io.proofdesk.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.proofdesk.chain..", "io.proofdesk.node..", "io.proofdesk.store..", "io.proofdesk.attest..",
                        "io.proofdesk.reexec..", "io.proofdesk.verify..", "io.proofdesk.report..", "io.proofdesk.bench..",
                        "io.proofdesk.gateway..")
                .allowEmptyShould(true).check(core);
    }

    @Test
    @DisplayName("the source layers (chain, node, store, attest, reexec, network) never reach up into verify, report or bench")
    void sourcesDoNotDependOnOrchestration() {
        noClasses().that().resideInAnyPackage("io.proofdesk.chain..", "io.proofdesk.node..", "io.proofdesk.store..",
                        "io.proofdesk.attest..", "io.proofdesk.reexec..", "io.proofdesk.network..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.proofdesk.verify..", "io.proofdesk.report..", "io.proofdesk.bench..", "io.proofdesk.gateway..")
                .allowEmptyShould(true).check(core);
    }

    @Test
    @DisplayName("a gateway response is checked offline: the check reads no chain, node or re-execution code")
    void gatewayChecksAreOffline() {
        noClasses().that().resideInAPackage("io.proofdesk.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("io.proofdesk.chain..", "io.proofdesk.node..",
                        "io.proofdesk.reexec..", "io.proofdesk.verify..", "io.proofdesk.report..")
                .allowEmptyShould(true).check(core);
    }

    @Test
    @DisplayName("a network profile is plain configuration: it reads no chain, node or attestation code")
    void networkProfilesAreConfiguration() {
        noClasses().that().resideInAPackage("io.proofdesk.network..")
                .should().dependOnClassesThat().resideInAnyPackage("io.proofdesk.chain..", "io.proofdesk.node..",
                        "io.proofdesk.attest..", "io.proofdesk.reexec..")
                .allowEmptyShould(true).check(core);
    }

    @Test
    @DisplayName("the core never depends on the demo network, the CLI or the desktop")
    void coreIsSelfContained() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.proofdesk.devnet..", "io.proofdesk.cli..", "io.proofdesk.ui..")
                .allowEmptyShould(true).check(core);
    }

    @Test
    @DisplayName("ONNX Runtime's environment is started only through OrtRuntime (its start-up needs a large stack)")
    void ortEnvironmentOnlyThroughOrtRuntime() {
        noClasses().that().doNotHaveFullyQualifiedName(OrtRuntime.class.getName())
                .should().callMethodWhere(target(name("getEnvironment"))
                        .and(target(owner(name("ai.onnxruntime.OrtEnvironment")))))
                .check(core);
    }
}
