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
 * the clock starts (it is a one-time cost per store, not per log). Ends with
 * {@code RESULT sync ratio=<proofdesk/baseline> baseline_logs_per_s=.. proofdesk_logs_per_s=.. ...}.
 */
public final class SyncBenchmark {

    /** What one benchmark run measured. */
    public record Result(long logs, long records, double baselineLogsPerSecond, double proofdeskLogsPerSecond,
                         long blobsFetched) {
        public double ratio() {
            return baselineLogsPerSecond <= 0 ? 0 : proofdeskLogsPerSecond / baselineLogsPerSecond;
        }

        public String line() {
            return String.format(Locale.ROOT, "RESULT sync ratio=%.2f baseline_logs_per_s=%.0f proofdesk_logs_per_s=%.0f"
                    + " logs=%d records=%d blobs=%d", ratio(), baselineLogsPerSecond, proofdeskLogsPerSecond, logs,
                    records, blobsFetched);
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
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            logs = bare.fetchAll(config.rpcUrls().getFirst(), addresses, topics, head);
            best = Math.max(best, logs / ((System.nanoTime() - t0) / 1e9));
        }
        out.printf(Locale.ROOT, "baseline: %d logs up to block %d, %.0f logs/s (best of 3)%n", logs, head, best);
        out.flush();
        try (Store warm = Store.open(new DataDirectory(workDir.resolve("warm-up")))) {
            // the baseline ran warm (JIT, anvil caches); so does the measured sync: a first full sync, discarded
            new ChainSync(warm, config.withFromBlock(0), SyncListener.NONE).run(new SyncControl());
        }
        try (Store store = Store.open(new DataDirectory(workDir.resolve("measured")))) {
            // the hub copy and model signatures: once per store, so outside the timed part
            new ChainSync(store, config.withFromBlock(head + 1), SyncListener.NONE).run(new SyncControl());
            SyncSummary s = new ChainSync(store, config.withFromBlock(0).withFollow(false, 1000), SyncListener.NONE)
                    .run(new SyncControl());
            double rate = s.logs() / (s.elapsed().toNanos() / 1e9);
            out.printf(Locale.ROOT, "proofdesk: %d logs, %d records, %d blobs in %.2f s, %.0f logs/s%n", s.logs(),
                    s.records(), s.blobsFetched(), s.elapsed().toMillis() / 1000.0, rate);
            out.flush();
            return new Result(s.logs(), s.records(), best, rate, s.blobsFetched());
        }
    }
}
