package io.proofdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code proofdesk bench <name>}: each benchmark ends with one {@code RESULT <name> ratio=...} line. To add one,
 * list its command class in {@code subcommands} below.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each ends with one line 'RESULT <name> ratio=<x> <key>=<value> ...', the ratio "
                + "measured against a baseline in the same run.",
        subcommands = {
            CommandLine.HelpCommand.class,
            BenchSyncCommand.class,
            BenchSyncProofsCommand.class,
            BenchTableCommand.class,
            BenchReexecCommand.class,
            BenchBatchCommand.class,
            BenchSigsCommand.class,
            BenchStartupCommand.class,
            BenchProofsCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
