package io.proofdesk.cli;

import io.proofdesk.bench.BatchBenchmark;
import io.proofdesk.bench.BenchResult;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;
import io.proofdesk.domain.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Speed-up of batch verification on --threads threads vs 1 on a generated local workload (goal >= 1.6).")
public final class BenchBatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "digits-cnn", description = "Demo model name (default digits-cnn)")
    String model;

    // 2000, not 400: at ~1 ms a record a 400-record pass lasts well under a second, and one scheduler hiccup on a
    // shared machine then decides the ratio
    @Option(names = "--records", defaultValue = "2000")
    int records;

    @Option(names = "--threads", defaultValue = "2")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (records < 1 || threads < 1) {
            throw new UserInputException("--records and --threads must be positive");
        }
        ZooModel m = BenchModels.pick(model);
        ModelZoo zoo = ModelZoo.standard();
        List<Map<String, Tensor>> inputs = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            inputs.add(zoo.sampleInput(m, i));
        }
        BenchResult r = new BatchBenchmark(m.bytes(), inputs).run(threads);
        spec.commandLine().getOut().println(r.line());
        return ExitCode.VERIFIED;
    }
}
