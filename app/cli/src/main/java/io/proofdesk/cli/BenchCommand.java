package io.proofdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code proofdesk bench <name>}: each benchmark ends with one {@code RESULT <name> ratio=...} line. To add one,
 * list its command class in {@code subcommands} below.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints one RESULT line with a ratio against a baseline of the same run.",
        subcommands = {
            BenchReexecCommand.class,
            BenchBatchCommand.class,
            BenchSigsCommand.class,
            BenchStartupCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
