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
    @DisplayName("every command and bench subcommand answers --help with its usage (exit 0)")
    void everyCommandHasHelp() {
        var root = ProofdeskCli.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        java.util.List<String[]> commands = new java.util.ArrayList<>();
        root.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                commands.add(new String[] {name, "--help"});
                sub.getSubcommands().keySet().stream().filter(n -> !n.equals("help"))
                        .forEach(n -> commands.add(new String[] {name, n, "--help"}));
            }
        });
        assertTrue(commands.size() > 15, "found " + commands.size());
        for (String[] args : commands) {
            CliTestRun run = CliTestRun.of(args);
            assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: proofdesk " + String.join(" ", java.util.Arrays.copyOf(args,
                    args.length - 1))), run.out());
        }
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
