package io.proofdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each ends with one line 'RESULT <name> ratio=<x> <key>=<value> ...'.",
        subcommands = {CommandLine.HelpCommand.class, BenchSyncCommand.class, BenchTableCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
