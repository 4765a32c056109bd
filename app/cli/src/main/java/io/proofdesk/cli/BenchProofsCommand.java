package io.proofdesk.cli;

import io.proofdesk.bench.BenchResult;
import io.proofdesk.bench.ReceiptProofBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "proofs", mixinStandardHelpOptions = true,
        description = {"Receipts proved per second on one core: header hash, consensus encoding of each JSON receipt, "
                + "bloom checks, receipts trie and root comparison, on generated blocks.",
            "ratio = median receipts per CPU-second / 5000, the goal (1 or more meets it)."})
public final class BenchProofsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--blocks", defaultValue = "200", description = "blocks per run (default ${DEFAULT-VALUE})")
    int blocks;

    @Option(names = "--receipts", defaultValue = "150", description = "receipts per block (default ${DEFAULT-VALUE})")
    int receiptsPerBlock;

    @Option(names = "--logs", defaultValue = "3", description = "logs per receipt (default ${DEFAULT-VALUE})")
    int logsPerReceipt;

    @Option(names = "--runs", defaultValue = "3", description = "measured runs, median reported (default ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() {
        if (blocks < 1 || receiptsPerBlock < 1 || logsPerReceipt < 0 || runs < 1 || runs > 100) {
            throw new UserInputException("--blocks and --receipts must be positive, --logs not negative, --runs 1..100");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d blocks x %d receipts x %d logs, %d runs after warm-up%n", blocks, receiptsPerBlock,
                logsPerReceipt, runs);
        int[] n = {0};
        BenchResult r = new ReceiptProofBenchmark(blocks, receiptsPerBlock, logsPerReceipt, 17)
                .run(runs, run -> {
                    out.printf(Locale.ROOT, "run %d: %.0f receipts per CPU-second (%.0f per wall-clock second)%n",
                            ++n[0], run.perCoreSecond(), run.perWallSecond());
                    out.flush();
                });
        out.println(r.line());
        return ExitCode.VERIFIED;
    }
}
