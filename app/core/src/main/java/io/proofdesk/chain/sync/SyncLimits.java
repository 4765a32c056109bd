package io.proofdesk.chain.sync;

import java.time.Duration;

/**
 * Caps and timeouts for everything the sync reads. Defaults: RPC answers 32 MiB, blobs 4 MiB, model files 256 MiB,
 * hub listings 4 MiB; 30 s per RPC call for its whole answer ({@code rpcTimeout}, however slowly the bytes come), and
 * 45 s in all for calls of one method that run out of time in a row on one endpoint ({@code rpcBudget}, the retries
 * of a shrinking log range included), after which the endpoint is reported as too slow and the sync moves on to the
 * next one; 20 s per blob, 120 s per model file; 8 blob fetches at a time; chunks of
 * 1..50,000 blocks starting at 2,000, aiming at about 500 logs per chunk. A chunk is read on one thread while the
 * one before it is written on another; chunks of a few hundred logs keep both busy (a 2,000-record devnet history is
 * three chunks, not one that is read and then written with nothing overlapping), while a chunk's blobs still download
 * many at a time.
 */
public record SyncLimits(long maxRpcBytes, long maxBlobBytes, long maxModelBytes, long maxHubBytes,
                         Duration rpcTimeout, Duration blobTimeout, Duration modelTimeout, int blobConcurrency,
                         long initialSpan, long minSpan, long maxSpan, int targetLogs, Duration rpcBudget) {

    public static final SyncLimits DEFAULT = new SyncLimits(32L << 20, 4L << 20, 256L << 20, 4L << 20,
            Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(120), 8, 2_000, 1, 50_000, 500,
            Duration.ofSeconds(45));

    public SyncLimits {
        if (maxRpcBytes <= 0 || maxBlobBytes <= 0 || maxModelBytes <= 0 || maxHubBytes <= 0 || blobConcurrency < 1
                || blobConcurrency > 64) {
            throw new IllegalArgumentException("sync caps must be positive and at most 64 blob fetches at a time");
        }
        new io.proofdesk.chain.AdaptiveChunker(initialSpan, minSpan, maxSpan, targetLogs); // validates the spans
        if (rpcTimeout == null || !rpcTimeout.isPositive() || rpcBudget == null || rpcBudget.compareTo(rpcTimeout) < 0) {
            throw new IllegalArgumentException("the RPC deadline must be positive and the RPC budget at least as long ("
                    + rpcTimeout + ", " + rpcBudget + ")");
        }
    }

    /** RPC calls of {@code timeout} each, with a budget 1.5 times as long (the defaults' proportion). */
    public SyncLimits withRpc(long maxBytes, Duration timeout) {
        return withRpc(maxBytes, timeout, timeout.multipliedBy(3).dividedBy(2));
    }

    public SyncLimits withRpc(long maxBytes, Duration timeout, Duration budget) {
        return new SyncLimits(maxBytes, maxBlobBytes, maxModelBytes, maxHubBytes, timeout, blobTimeout, modelTimeout,
                blobConcurrency, initialSpan, minSpan, maxSpan, targetLogs, budget);
    }

    public SyncLimits withBlobs(long maxBytes, Duration timeout) {
        return new SyncLimits(maxRpcBytes, maxBytes, maxModelBytes, maxHubBytes, rpcTimeout, timeout, modelTimeout,
                blobConcurrency, initialSpan, minSpan, maxSpan, targetLogs, rpcBudget);
    }

    public SyncLimits withSpans(long initial, long min, long max, int target) {
        return new SyncLimits(maxRpcBytes, maxBlobBytes, maxModelBytes, maxHubBytes, rpcTimeout, blobTimeout,
                modelTimeout, blobConcurrency, initial, min, max, target, rpcBudget);
    }
}
