package io.proofdesk.cli;

import io.proofdesk.bench.BenchDirs;
import io.proofdesk.bench.SyncProofCostBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sync-proofs", mixinStandardHelpOptions = true,
        description = {"What the chain proofs cost a whole sync: a demo network synced from block 0 into fresh stores",
                "with proofs and without (the same endpoints read as a cosmos-evm chain), alternating;",
                "ratio = median seconds with / median seconds without (goal: 1.3 or less; keys in docs/SYNC.md).",
                "Give a running demo network with --devnet DIR (proofdesk devnet --state-dir DIR)."})
public final class BenchSyncProofsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--devnet", paramLabel = "DIR", required = true,
            description = "A running, seeded demo network's state directory (DIR/devnet.json)")
    Path devnet;

    @Option(names = "--rounds", paramLabel = "N", description = "Measured pairs of syncs (default ${DEFAULT-VALUE})")
    int rounds = 3;

    @Option(names = "--warm-up", paramLabel = "N", description = "Untimed pairs first (default ${DEFAULT-VALUE})")
    int warmUp = 1;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || rounds > 50 || warmUp < 0 || warmUp > 50) {
            spec.commandLine().getErr().println("--rounds must be 1..50 and --warm-up 0..50");
            return ExitCode.BAD_INPUT;
        }
        SyncCommand sync = new SyncCommand();
        sync.devnet = devnet;
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("proofdesk-bench-sync-proofs");
        try {
            SyncProofCostBenchmark.Result r = new SyncProofCostBenchmark().run(sync.config(), work, out, warmUp, rounds);
            out.println(r.line());
            out.flush();
            return ExitCode.VERIFIED;
        } finally {
            BenchDirs.deleteTree(work);
        }
    }
}
