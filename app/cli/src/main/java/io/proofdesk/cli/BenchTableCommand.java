package io.proofdesk.cli;

import io.proofdesk.bench.BenchDirs;
import io.proofdesk.bench.TableBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Fill a temporary store with inferences and time every filter/sort query of the Inferences view.")
public final class BenchTableCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000", description = "Rows to fill (default ${DEFAULT-VALUE})")
    long rows;

    @Override
    public Integer call() throws Exception {
        if (rows < 1000) {
            throw new UserInputException("--rows must be at least 1000");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("proofdesk-bench-table");
        try {
            TableBenchmark.Result r = new TableBenchmark().run(work, rows, out);
            out.println(r.line());
            out.flush();
            return ExitCode.VERIFIED;
        } finally {
            BenchDirs.deleteTree(work);
        }
    }
}
