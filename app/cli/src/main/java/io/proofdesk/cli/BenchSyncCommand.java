package io.proofdesk.cli;

import io.proofdesk.bench.BenchDirs;
import io.proofdesk.bench.SyncBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync throughput from a demo network against bare fetches of the same data (logs,",
                "headers, calldata, blobs) and of the logs alone; ratio = full sync / same-data fetch",
                "(keys in docs/SYNC.md).",
                "Give a running demo network with --devnet DIR (proofdesk devnet --state-dir DIR)."})
public final class BenchSyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--devnet", paramLabel = "DIR", required = true,
            description = "A running, seeded demo network's state directory (DIR/devnet.json)")
    Path devnet;

    @Option(names = "--warm-up", paramLabel = "N", description = "Untimed rounds of all three runs before the three "
            + "measured rounds (default " + SyncBenchmark.DEFAULT_WARM_UP_ROUNDS + ")")
    int warmUp = SyncBenchmark.DEFAULT_WARM_UP_ROUNDS;

    @Override
    public Integer call() throws Exception {
        if (warmUp < 1) {
            spec.commandLine().getErr().println("--warm-up must be at least 1, not " + warmUp);
            return ExitCode.BAD_INPUT;
        }
        SyncCommand sync = new SyncCommand();
        sync.devnet = devnet;
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("proofdesk-bench-sync");
        try {
            SyncBenchmark.Result r = new SyncBenchmark().run(sync.config(), work, out, warmUp);
            out.println(r.line());
            out.flush();
            return ExitCode.VERIFIED;
        } finally {
            BenchDirs.deleteTree(work);
        }
    }
}
