package io.proofdesk.bench;

import io.proofdesk.chain.sync.RpcEndpoint;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkProfile;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code proofdesk bench sync-proofs}: what the chain proofs cost a whole sync. The same network is synced from block 0
 * into fresh stores with proofs (its Ethereum headers: every header of the range linked and bloom-checked, the blocks
 * with logs read whole, their receipts and transactions tries rebuilt) and without (the same endpoints read as a
 * cosmos-evm chain: nothing proved, the headers of the blocks with logs and the inference transactions fetched as
 * before issue 17), alternating, so a load spike from other processes hits both alike. {@code ratio} = median
 * seconds with proofs / median seconds without; the goal is at most 1.3.
 *
 * <p>The last line is {@code RESULT sync-proofs ratio=.. with_s=.. without_s=.. with_cpu_s=.. without_cpu_s=..
 * cpu_ratio=.. logs=.. records=.. rounds=..}: the medians of wall seconds and of the process's CPU seconds over the
 * measured rounds, and what each sync read and stored.
 */
public final class SyncProofCostBenchmark {

    /** One measured round: both syncs' wall and process CPU seconds. */
    public record Round(double withSeconds, double withoutSeconds, double withCpu, double withoutCpu) {
    }

    /** What the benchmark measured. */
    public record Result(List<Round> rounds, long logs, long records) {
        public double ratio() {
            return BenchResult.median(rounds.stream().mapToDouble(Round::withSeconds).toArray())
                    / BenchResult.median(rounds.stream().mapToDouble(Round::withoutSeconds).toArray());
        }

        public String line() {
            double with = BenchResult.median(rounds.stream().mapToDouble(Round::withSeconds).toArray());
            double without = BenchResult.median(rounds.stream().mapToDouble(Round::withoutSeconds).toArray());
            double withCpu = BenchResult.median(rounds.stream().mapToDouble(Round::withCpu).toArray());
            double withoutCpu = BenchResult.median(rounds.stream().mapToDouble(Round::withoutCpu).toArray());
            return String.format(Locale.ROOT, "RESULT sync-proofs ratio=%.2f with_s=%.3f without_s=%.3f with_cpu_s=%.3f"
                    + " without_cpu_s=%.3f cpu_ratio=%.2f logs=%d records=%d rounds=%d", ratio(), with, without,
                    withCpu, withoutCpu, withoutCpu <= 0 ? 0 : withCpu / withoutCpu, logs, records, rounds.size());
        }
    }

    /**
     * {@code warmUp} untimed pairs, then {@code rounds} measured pairs (with proofs first in odd rounds, without first
     * in even ones).
     */
    public Result run(SyncConfig config, Path workDir, PrintWriter out, int warmUp, int rounds) {
        if (config.headerFormat() != HeaderFormat.ETHEREUM || config.profile() == null) {
            throw new IllegalArgumentException("the network must have Ethereum headers (and a profile) to be proved");
        }
        SyncConfig proved = config;
        SyncConfig unproved = config.withProfile(asCosmosEvm(config.profile()));
        long head;
        try (RpcEndpoint rpc = RpcEndpoint.open(config.rpcUrls().getFirst(), config.limits())) {
            head = rpc.headNumber();
        }
        for (int i = 0; i < warmUp; i++) {
            SyncBenchmark.timedSync(proved, head, workDir.resolve("warm-with-" + i));
            SyncBenchmark.timedSync(unproved, head, workDir.resolve("warm-without-" + i));
        }
        out.printf(Locale.ROOT, "warmed up: %d pair(s) of syncs up to block %d%n", warmUp, head);
        out.flush();
        List<Round> measured = new ArrayList<>();
        long logs = 0;
        long records = 0;
        for (int i = 0; i < rounds; i++) {
            boolean withFirst = i % 2 == 0;
            Timed a = timed(withFirst ? proved : unproved, head, workDir.resolve("round-" + i + "-a"));
            Timed b = timed(withFirst ? unproved : proved, head, workDir.resolve("round-" + i + "-b"));
            Timed with = withFirst ? a : b;
            Timed without = withFirst ? b : a;
            if (with.summary().records() != without.summary().records()) {
                throw new IllegalStateException("the syncs with and without proofs stored " + with.summary().records()
                        + " and " + without.summary().records() + " records");
            }
            logs = with.summary().logs();
            records = with.summary().records();
            Round r = new Round(with.seconds(), without.seconds(), with.cpu(), without.cpu());
            measured.add(r);
            out.printf(Locale.ROOT, "round %d: with proofs %.3f s (%.3f CPU-s), without %.3f s (%.3f CPU-s): %.2f%n",
                    i + 1, r.withSeconds(), r.withCpu(), r.withoutSeconds(), r.withoutCpu(),
                    r.withSeconds() / r.withoutSeconds());
            out.flush();
        }
        return new Result(List.copyOf(measured), logs, records);
    }

    private record Timed(SyncSummary summary, double seconds, double cpu) {
    }

    private static Timed timed(SyncConfig config, long head, Path dir) {
        long cpu0 = BenchResult.processCpuNanos();
        SyncSummary s = SyncBenchmark.timedSync(config, head, dir);
        // the hub copy before the clock is in the CPU figure too; it is the same for both (0 where the JVM cannot tell)
        return new Timed(s, s.elapsed().toNanos() / 1e9, cpu0 < 0 ? 0 : (BenchResult.processCpuNanos() - cpu0) / 1e9);
    }

    /** The same network read as a chain whose headers commit to nothing Proofdesk can prove. */
    private static NetworkProfile asCosmosEvm(NetworkProfile p) {
        return new NetworkProfile(p.name(), p.chainId(), p.rpc(), HeaderFormat.COSMOS_EVM, p.explorer(), p.hub(),
                p.fileStore(), p.blobStore(), p.nodes(), p.contracts(), p.fromBlock(), p.trustRoots(), p.demo(),
                p.checkpoints(), p.nodeApi());
    }
}
