package io.proofdesk.bench;

import io.proofdesk.chain.sync.ChainSync;
import io.proofdesk.chain.sync.RpcEndpoint;
import io.proofdesk.chain.sync.SyncConfig;
import io.proofdesk.chain.sync.SyncControl;
import io.proofdesk.chain.sync.SyncListener;
import io.proofdesk.chain.sync.SyncSummary;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code proofdesk bench sync}: full sync throughput (logs, headers, calldata, blobs, decoding, tensors, SQLite)
 * against bare fetches from the same endpoints in the same run. The hub is copied before the clock starts (it is a
 * one-time cost per store, not per log). Everything is warmed up with {@value #DEFAULT_WARM_UP_ROUNDS} untimed rounds
 * (or as many as asked); then {@value #ROUNDS} rounds each run the logs-only baseline, the same-data baseline and a full
 * sync in turn (so a load spike from other processes hits all three alike), and the best run of each counts.
 *
 * <p>The two baselines:
 * <ul>
 * <li>same-data ({@link BareSyncFetch}): fetches exactly what the sync fetches — the same {@code eth_getLogs}, block
 * headers, inference transactions (calldata, in the sync's JSON-RPC batches) and blobs (at the sync's blob
 * concurrency) — and reads every answer to its end without decoding or storing anything. This is the goal's
 * baseline: {@code ratio} = full sync / same-data baseline.</li>
 * <li>logs-only ({@link BareLogFetch}): the {@code eth_getLogs} queries alone. A sync that stores decoded input and
 * output tensors cannot approach it: on OpenGradient the inputs are in calldata and TEE records' tensors in blobs,
 * which are most of the bytes. Kept as additional keys so the two are never confused.</li>
 * </ul>
 *
 * <p>The last line is {@code RESULT sync ratio=.. baseline_logs_per_s=.. proofdesk_logs_per_s=.. ...} with:
 * {@code ratio} = proofdesk_logs_per_s / baseline_logs_per_s; {@code baseline_logs_per_s} = logs per second of the
 * same-data baseline; {@code proofdesk_logs_per_s} = logs per second of the full sync (chain + blobs + store);
 * {@code logs}, {@code records}, {@code blobs} = what the full sync read and stored; {@code scope} = what the sync
 * run includes; {@code baseline_scope} = what the same-data baseline fetches; {@code baseline_transactions},
 * {@code baseline_blobs}, {@code baseline_mib} = what it fetched; {@code sync_s}, {@code baseline_s} = the best
 * runs' seconds; {@code logs_only_baseline_logs_per_s} and {@code logs_only_ratio} = the logs-only baseline and the
 * full sync against it; {@code chain_only_ratio} = a sync without the blob store (records stored with a note instead
 * of their blob's tensors) against the logs-only baseline, as before.
 */
public final class SyncBenchmark {

    private static final int ROUNDS = 3;
    /**
     * The sync runs far more code than the baseline (web3j's decoder, Jackson, SQLite, the tensor codecs): after one
     * untimed round the JIT was still compiling it through the measured rounds, while the baseline's few methods were
     * compiled after one. JFR on the demo network's 2,000 inferences: 770 compilations (4.4 s of compiler time) in the
     * first three syncs of a process, 150-250 (about 2 s) in syncs 4 to 9, 60-100 (0.2-0.7 s) from the 13th on.
     */
    public static final int DEFAULT_WARM_UP_ROUNDS = 12;

    /** What one benchmark run measured. */
    public record Result(long logs, long records, double baselineLogsPerSecond, double proofdeskLogsPerSecond,
                         long blobsFetched, double chainOnlyLogsPerSecond, double logsOnlyLogsPerSecond,
                         BareSyncFetch.Totals baseline, double baselineSeconds, double syncSeconds) {
        public double ratio() {
            return baselineLogsPerSecond <= 0 ? 0 : proofdeskLogsPerSecond / baselineLogsPerSecond;
        }

        public double logsOnlyRatio() {
            return logsOnlyLogsPerSecond <= 0 ? 0 : proofdeskLogsPerSecond / logsOnlyLogsPerSecond;
        }

        public double chainOnlyRatio() {
            return logsOnlyLogsPerSecond <= 0 ? 0 : chainOnlyLogsPerSecond / logsOnlyLogsPerSecond;
        }

        public String line() {
            return String.format(Locale.ROOT, "RESULT sync ratio=%.2f baseline_logs_per_s=%.0f proofdesk_logs_per_s=%.0f"
                    + " logs=%d records=%d blobs=%d scope=chain+blobs+store"
                    + " baseline_scope=logs+headers+transactions+blobs baseline_transactions=%d baseline_blobs=%d"
                    + " baseline_mib=%.1f baseline_s=%.3f sync_s=%.3f logs_only_baseline_logs_per_s=%.0f"
                    + " logs_only_ratio=%.3f chain_only_ratio=%.3f", ratio(), baselineLogsPerSecond,
                    proofdeskLogsPerSecond, logs, records, blobsFetched, baseline.transactions(), baseline.blobs(),
                    baseline.bytes() / (1024.0 * 1024.0), baselineSeconds, syncSeconds, logsOnlyLogsPerSecond,
                    logsOnlyRatio(), chainOnlyRatio());
        }
    }

    public Result run(SyncConfig config, Path workDir, PrintWriter out) throws IOException {
        return run(config, workDir, out, DEFAULT_WARM_UP_ROUNDS);
    }

    /** As {@link #run(SyncConfig, Path, PrintWriter)} with {@code warmUpRounds} untimed rounds of all three first. */
    public Result run(SyncConfig config, Path workDir, PrintWriter out, int warmUpRounds) throws IOException {
        if (warmUpRounds < 1) {
            throw new IllegalArgumentException("at least one warm-up round is needed, not " + warmUpRounds);
        }
        long head;
        try (RpcEndpoint rpc = RpcEndpoint.open(config.rpcUrls().getFirst(), config.limits())) {
            head = rpc.headNumber();
        }
        var addresses = config.contracts().all();
        var topics = io.proofdesk.chain.sync.SyncTopics.of(config.contracts());
        BareLogFetch bare = new BareLogFetch();
        BareSyncFetch.Plan plan = BareSyncFetch.plan(config, head); // untimed: which transactions and blobs
        out.printf(Locale.ROOT, "plan: %d logs up to block %d need %d transactions and %d blobs%n", plan.logs().size(),
                head, plan.transactions(), plan.blobs());
        out.flush();
        try (BareSyncFetch sameData = new BareSyncFetch(config.limits().blobConcurrency())) {
            // warm-up of all three: anvil's and the blob store's caches, the JIT
            for (int i = 0; i < warmUpRounds; i++) {
                bare.fetchAll(config.rpcUrls().getFirst(), addresses, topics, head);
                sameData.fetchAll(config, plan);
                Path warmDir = workDir.resolve("warm-up-" + i);
                try (Store warm = Store.open(new DataDirectory(warmDir))) {
                    new ChainSync(warm, config.withFromBlock(0), SyncListener.NONE).run(new SyncControl());
                }
                BenchDirs.deleteTree(warmDir);
            }
            out.printf(Locale.ROOT, "warmed up: %d round(s) of all three%n", warmUpRounds);
            double bestLogsOnly = 0;
            long logs = 0;
            double bestSameData = 0;
            double sameDataSeconds = 0;
            BareSyncFetch.Totals totals = null;
            SyncSummary bestRun = null;
            for (int i = 0; i < ROUNDS; i++) {
                long t0 = System.nanoTime();
                logs = bare.fetchAll(config.rpcUrls().getFirst(), addresses, topics, head);
                bestLogsOnly = Math.max(bestLogsOnly, logs / ((System.nanoTime() - t0) / 1e9));

                t0 = System.nanoTime();
                BareSyncFetch.Totals t = sameData.fetchAll(config, plan);
                double seconds = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "same-data baseline: %d logs, %d transactions, %d blobs, %.1f MiB in %.3f s,"
                        + " %.0f logs/s%n", t.logs(), t.transactions(), t.blobs(), t.bytes() / (1024.0 * 1024.0),
                        seconds, t.logs() / seconds);
                if (t.logs() / seconds > bestSameData) {
                    bestSameData = t.logs() / seconds;
                    sameDataSeconds = seconds;
                    totals = t;
                }

                SyncSummary s = timedSync(config, head, workDir.resolve("measured-" + i));
                out.printf(Locale.ROOT, "proofdesk (chain+blobs+store): %d logs, %d records, %d blobs in %.3f s, %.0f "
                        + "logs/s%n", s.logs(), s.records(), s.blobsFetched(), s.elapsed().toNanos() / 1e9, rate(s));
                out.flush();
                bestRun = bestRun == null || rate(s) > rate(bestRun) ? s : bestRun;
            }
            out.printf(Locale.ROOT, "logs-only baseline: %d logs up to block %d, %.0f logs/s (best of %d; eth_getLogs "
                    + "only: no headers, calldata, blobs, decoding or store)%n", logs, head, bestLogsOnly, ROUNDS);
            SyncSummary chain = timedSync(withoutBlobStore(config), head, workDir.resolve("measured-no-blobs"));
            out.printf(Locale.ROOT, "proofdesk without the blob store (chain+store, records noted): %d logs, %d records "
                    + "in %.3f s, %.0f logs/s%n", chain.logs(), chain.records(), chain.elapsed().toNanos() / 1e9,
                    rate(chain));
            out.flush();
            return new Result(bestRun.logs(), bestRun.records(), bestSameData, rate(bestRun), bestRun.blobsFetched(),
                    rate(chain), bestLogsOnly, totals, sameDataSeconds, bestRun.elapsed().toNanos() / 1e9);
        }
    }

    /**
     * A sync from block 0 into a fresh store whose hub copy was made before the clock started. The store is deleted
     * afterwards: a 100,000-inference store is about 1.5 GB, and left in place the kernel writes the stores of earlier
     * rounds back to disk while later rounds run (and throttles them), so one round's time would depend on the ones
     * before it.
     */
    static SyncSummary timedSync(SyncConfig config, long head, Path dir) {
        try {
            try (Store store = Store.open(new DataDirectory(dir))) {
                // the hub copy and model signatures: once per store, so outside the timed part
                new ChainSync(store, config.withFromBlock(head + 1), SyncListener.NONE).run(new SyncControl());
                return new ChainSync(store, config.withFromBlock(0).withFollow(false, 1000), SyncListener.NONE)
                        .run(new SyncControl());
            }
        } finally {
            BenchDirs.deleteTree(dir);
        }
    }

    private static double rate(SyncSummary s) {
        return s.logs() / (s.elapsed().toNanos() / 1e9);
    }

    private static SyncConfig withoutBlobStore(SyncConfig c) {
        return new SyncConfig(c.rpcUrls(), c.expectedChainId(), c.contracts(), c.hubUrl(), c.fileStoreUrl(), null,
                c.fromBlock(), c.follow(), c.pollMillis(), c.keptBlockHashes(), c.limits());
    }
}
