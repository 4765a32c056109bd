package io.proofdesk.bench;

import io.proofdesk.attest.TrustedRoots;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.store.Store;
import io.proofdesk.verify.BatchSummary;
import io.proofdesk.verify.BatchVerification;
import io.proofdesk.verify.CancellationToken;
import io.proofdesk.verify.ProgressListener;
import io.proofdesk.verify.VerificationSources;
import io.proofdesk.verify.Verifier;
import io.proofdesk.verify.VerifierOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Batch verification of a generated local workload (a temporary SQLite store, verdicts saved by the batch's writer
 * as a real run saves them) on {@code threads} threads against one thread, same records, same run.
 */
public final class BatchBenchmark {

    private final byte[] model;
    private final List<Map<String, Tensor>> inputs;

    public BatchBenchmark(byte[] model, List<Map<String, Tensor>> inputs) {
        this.model = model.clone();
        this.inputs = List.copyOf(inputs);
    }

    private static final int ROUNDS = 5;
    private static final int WARM_UP_ROUNDS = 3;

    public BenchResult run(int threads) throws IOException {
        Path dir = Files.createTempDirectory("proofdesk-bench-batch");
        try (SessionCache sessions = SessionCache.withDefaults();
             Store store = Store.open(dir.resolve("bench.db"), dir.resolve("bench.lock"), Clock.systemUTC())) {
            LocalWorkload workload = new LocalWorkload(model, inputs, new ReexecEngine(sessions));
            store.inTransaction(tx -> {
                workload.register(tx);
                tx.saveInferences(workload.records());
            });
            List<RecordId> ids = workload.records().stream().map(r -> r.id()).toList();
            VerificationSources sources = new VerificationSources(workload, id -> new byte[0], workload,
                    (node, nonce) -> new byte[0], TrustedRoots.awsNitro());
            // warm-up (sessions, JIT): after a single pass of each, the first measured rounds were up to twice as slow
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                run(store, sources, sessions, ids, 1);
                run(store, sources, sessions, ids, threads);
            }
            // one pass lasts about a second, so a single GC or JIT pause could decide the ratio: alternate the two
            // settings over several rounds (same store growth for both) and compare medians
            double[] ones = new double[ROUNDS];
            double[] manys = new double[ROUNDS];
            double[] oneCpus = new double[ROUNDS];
            double[] manyCpus = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long cpu = BenchResult.processCpuNanos();
                ones[i] = run(store, sources, sessions, ids, 1);
                long between = BenchResult.processCpuNanos();
                manys[i] = run(store, sources, sessions, ids, threads);
                oneCpus[i] = between - cpu;
                manyCpus[i] = BenchResult.processCpuNanos() - between;
            }
            double one = median(ones);
            double many = median(manys);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("records", Integer.toString(ids.size()));
            values.put("threads", Integer.toString(threads));
            values.put("one_thread_per_s", BenchResult.fmt(ids.size() / one));
            values.put("threads_per_s", BenchResult.fmt(ids.size() / many));
            // CPU of the whole process (workers, saving, checkpoints, GC, JIT) per record: if the many-thread run
            // spends more per record than the one-thread run, the ratio is lost to contention, not to idle cores
            values.put("one_thread_cpu_us", cpuMicrosPerRecord(oneCpus, ids.size()));
            values.put("threads_cpu_us", cpuMicrosPerRecord(manyCpus, ids.size()));
            values.put("rounds", Integer.toString(ROUNDS));
            values.put("goal", ">=1.6");
            return new BenchResult("batch", one / many, values);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String cpuMicrosPerRecord(double[] cpuNanos, int records) {
        return BenchResult.processCpuNanos() < 0 ? "unsupported" : BenchResult.fmt(median(cpuNanos) / 1e3 / records);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Seconds for one forced pass over every record; fails if any record does not verify. */
    private static double run(Store store, VerificationSources sources, SessionCache sessions, List<RecordId> ids,
                              int threads) {
        Verifier verifier = new Verifier(store, sources, sessions, VerifierOptions.defaults(), Clock.systemUTC());
        long start = System.nanoTime();
        BatchSummary s = new BatchVerification(store, verifier, threads).run(ids, true, ProgressListener.none(),
                new CancellationToken());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (s.count(Verdict.VERIFIED) != ids.size()) {
            throw new IllegalStateException("the generated workload did not verify: " + s);
        }
        return seconds;
    }
}
