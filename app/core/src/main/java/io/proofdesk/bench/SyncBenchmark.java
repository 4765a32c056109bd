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
 * {@code proofdesk bench sync}: full sync throughput (decode, calldata, blobs, tensors, SQLite) against the bare
 * {@code eth_getLogs} fetch of the same logs, both from the same endpoint in the same run. The hub is copied before
 * the clock starts (it is a one-time cost per store, not per log). Both sides are warmed up once and then the best
 * of several runs counts. The goal ratio is the whole sync (chain + blobs + store) over the bare log fetch, which
 * fetches no blobs; a second ratio, without the blob store (records stored with a note instead of their blob's
 * tensors), says how much of the gap is the blob downloads. Ends with
 * {@code RESULT sync ratio=<proofdesk/baseline> baseline_logs_per_s=.. proofdesk_logs_per_s=.. ...}.
 */
public final class SyncBenchmark {

    private static final int BASELINE_RUNS = 3;
    private static final int SYNC_RUNS = 2;

    /** What one benchmark run measured. */
    public record Result(long logs, long records, double baselineLogsPerSecond, double proofdeskLogsPerSecond,
                         long blobsFetched, double chainOnlyLogsPerSecond) {
        public double ratio() {
            return baselineLogsPerSecond <= 0 ? 0 : proofdeskLogsPerSecond / baselineLogsPerSecond;
        }

        public double chainOnlyRatio() {
            return baselineLogsPerSecond <= 0 ? 0 : chainOnlyLogsPerSecond / baselineLogsPerSecond;
        }

        public String line() {
            return String.format(Locale.ROOT, "RESULT sync ratio=%.2f baseline_logs_per_s=%.0f proofdesk_logs_per_s=%.0f"
                    + " logs=%d records=%d blobs=%d scope=chain+blobs+store chain_only_ratio=%.2f", ratio(),
                    baselineLogsPerSecond, proofdeskLogsPerSecond, logs, records, blobsFetched, chainOnlyRatio());
        }
    }

    public Result run(SyncConfig config, Path workDir, PrintWriter out) throws IOException {
        long head;
        try (RpcEndpoint rpc = RpcEndpoint.open(config.rpcUrls().getFirst(), config.limits())) {
            head = rpc.headNumber();
        }
        var addresses = config.contracts().all();
        var topics = io.proofdesk.chain.sync.SyncTopics.of(config.contracts());
        BareLogFetch bare = new BareLogFetch();
        bare.fetchAll(config.rpcUrls().getFirst(), addresses, topics, head); // warm-up: anvil and the JIT
        double best = 0;
        long logs = 0;
        for (int i = 0; i < BASELINE_RUNS; i++) {
            long t0 = System.nanoTime();
            logs = bare.fetchAll(config.rpcUrls().getFirst(), addresses, topics, head);
            best = Math.max(best, logs / ((System.nanoTime() - t0) / 1e9));
        }
        out.printf(Locale.ROOT, "baseline: %d logs up to block %d, %.0f logs/s (best of %d; eth_getLogs only: no "
                + "decoding, calldata, blobs or store)%n", logs, head, best, BASELINE_RUNS);
        out.flush();
        try (Store warm = Store.open(new DataDirectory(workDir.resolve("warm-up")))) {
            // the baseline ran warm (JIT, anvil caches); so does the measured sync: a first full sync, discarded
            new ChainSync(warm, config.withFromBlock(0), SyncListener.NONE).run(new SyncControl());
        }
        SyncSummary bestRun = null;
        for (int i = 0; i < SYNC_RUNS; i++) {
            SyncSummary s = timedSync(config, head, workDir.resolve("measured-" + i));
            out.printf(Locale.ROOT, "proofdesk (chain+blobs+store): %d logs, %d records, %d blobs in %.2f s, %.0f "
                    + "logs/s%n", s.logs(), s.records(), s.blobsFetched(), s.elapsed().toMillis() / 1000.0, rate(s));
            out.flush();
            bestRun = bestRun == null || rate(s) > rate(bestRun) ? s : bestRun;
        }
        SyncSummary chain = timedSync(withoutBlobStore(config), head, workDir.resolve("measured-no-blobs"));
        out.printf(Locale.ROOT, "proofdesk without the blob store (chain+store, records noted): %d logs, %d records in "
                + "%.2f s, %.0f logs/s%n", chain.logs(), chain.records(), chain.elapsed().toMillis() / 1000.0,
                rate(chain));
        out.flush();
        return new Result(bestRun.logs(), bestRun.records(), best, rate(bestRun), bestRun.blobsFetched(), rate(chain));
    }

    /** A sync from block 0 into a fresh store whose hub copy was made before the clock started. */
    private static SyncSummary timedSync(SyncConfig config, long head, Path dir) {
        try (Store store = Store.open(new DataDirectory(dir))) {
            // the hub copy and model signatures: once per store, so outside the timed part
            new ChainSync(store, config.withFromBlock(head + 1), SyncListener.NONE).run(new SyncControl());
            return new ChainSync(store, config.withFromBlock(0).withFollow(false, 1000), SyncListener.NONE)
                    .run(new SyncControl());
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
