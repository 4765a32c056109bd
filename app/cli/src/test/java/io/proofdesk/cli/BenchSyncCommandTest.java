package io.proofdesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchSyncCommandTest {

    @Test
    void noWarmUpRoundIsBadInputNamingTheOption(@TempDir Path devnet) {
        CliTestRun r = CliTestRun.of("bench", "sync", "--devnet", devnet.toString(), "--warm-up", "0");
        assertEquals(ExitCode.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("--warm-up must be at least 1, not 0"), r.err());
    }

    @Test
    void helpNamesTheWarmUpAndItsDefault() {
        CliTestRun r = CliTestRun.of("bench", "sync", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--warm-up=N"), r.out());
        assertTrue(r.out().contains("(default 12)"), r.out());
    }
}
