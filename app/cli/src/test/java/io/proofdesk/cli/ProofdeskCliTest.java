package io.proofdesk.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProofdeskCliTest {

    @Test
    @DisplayName("--version names Proofdesk, Java 25, the headless core and the ONNX Runtime version")
    void version() {
        CliTestRun run = CliTestRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Proofdesk "), run.out());
        assertTrue(run.out().contains("Java 25"), run.out());
        assertTrue(run.out().contains("no JavaFX"), run.out());
        assertTrue(run.out().matches("(?s).*ONNX Runtime 1\\.\\d+\\.\\d+.*"), run.out());
    }

    @Test
    @DisplayName("--help lists the exit codes")
    void help() {
        CliTestRun run = CliTestRun.of("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("3   bad input"), run.out());
    }

    @Test
    @DisplayName("an unknown option is bad input (exit 3) with a hint, not a stack trace")
    void unknownOption() {
        CliTestRun run = CliTestRun.of("--frobnicate");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("Unknown option"), run.err());
        assertTrue(!run.err().contains("at io.proofdesk"), run.err());
    }
}
