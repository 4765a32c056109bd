package io.proofdesk.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchProofsCommandTest {

    @Test
    void printsEachRunThenTheResultLine() {
        CliTestRun run = CliTestRun.of("bench", "proofs", "--blocks", "2", "--receipts", "10", "--runs", "3");
        assertEquals(ExitCode.VERIFIED, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals("2 blocks x 10 receipts x 3 logs, 3 runs after warm-up", lines[0]);
        for (int i = 1; i <= 3; i++) {
            assertTrue(lines[i].matches("run " + i + ": \\d+ receipts per CPU-second \\(\\d+ per wall-clock second\\)"),
                    lines[i]);
        }
        assertTrue(lines[4].startsWith("RESULT proofs ratio="), lines[4]);
    }

    @Test
    void badSizesAreBadInput() {
        CliTestRun run = CliTestRun.of("bench", "proofs", "--runs", "0");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.out() + run.err());
    }
}
