package io.proofdesk.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `attest` on OpenGradient's own enclave documents (core's test data, from OpenGradient/og-evm; see its README). */
class AttestRealDocumentsTest {

    /** Surefire runs in the module folder; the documents are core's test resources. */
    private static final Path DOCS = Path.of("..", "core", "src", "test", "resources", "opengradient", "attestation");

    @Test
    void aProductionDocumentIsValidAtItsOwnTime() {
        Path doc = DOCS.resolve("og-evm-532e2e1-attestation_doc.bin");
        assertTrue(Files.isRegularFile(doc), doc.toAbsolutePath().toString());
        CliTestRun run = CliTestRun.of("attest", doc.toString());
        assertEquals(ExitCode.VERIFIED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("pcrHash   0x8082af22571613eabd5dad9c7e857c4f16154ded3d387386d8193b53906f6a24"), run.out());
        assertTrue(run.out().contains("verdict   VALID"), run.out());
        assertFalse(run.out().contains("debug-mode"), run.out());
    }

    @Test
    void aDebugModeDocumentExitsTwoSayingItAttestsNoCode() {
        CliTestRun run = CliTestRun.of("attest", DOCS.resolve("og-evm-ec190c1-test_tee_attestation-debug.b64").toString());
        assertEquals(ExitCode.UNVERIFIED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("verdict   UNVERIFIED"), run.out());
        assertTrue(run.out().contains("debug-mode enclave: it attests no code"), run.out());
    }
}
