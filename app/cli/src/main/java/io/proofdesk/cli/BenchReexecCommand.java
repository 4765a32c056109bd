package io.proofdesk.cli;

import io.proofdesk.bench.BenchResult;
import io.proofdesk.bench.ReexecBenchmark;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "reexec", mixinStandardHelpOptions = true,
        description = "Per-inference cost of the whole re-execution check vs a bare ORT session.run loop (goal <= 1.3).")
public final class BenchReexecCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "credit-mlp", description = "Demo model name (default credit-mlp)")
    String model;

    @Option(names = "--iterations", defaultValue = "20000")
    int iterations;

    @Override
    public Integer call() throws Exception {
        ZooModel m = BenchModels.pick(model);
        BenchResult r = new ReexecBenchmark(m.bytes(), ModelZoo.standard().sampleInput(m, 1)).run(iterations);
        spec.commandLine().getOut().println(r.line());
        return ExitCode.VERIFIED;
    }
}
