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

    // 10,000: a pass of 2,000 lasted 0.2-0.5 s, and one GC pause or the last group's save (the same for both
    // settings) moved the ratio by up to 30%; a real batch (verify --all) is larger still
    @Option(names = "--records", defaultValue = "10000", description = "Records in the generated workload (default 10000)")
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
