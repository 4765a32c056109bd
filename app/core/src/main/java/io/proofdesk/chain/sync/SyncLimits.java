package io.proofdesk.chain.sync;

import java.time.Duration;

/**
 * Caps and timeouts for everything the sync reads. Defaults: RPC answers 32 MiB, blobs 4 MiB, model files 256 MiB,
 * hub listings 4 MiB; 30 s per RPC call, 20 s per blob, 120 s per model file; 8 blob fetches at a time; chunks of
 * 1..50,000 blocks starting at 2,000, aiming at about 500 logs per chunk. A chunk is read on one thread while the
 * one before it is written on another; chunks of a few hundred logs keep both busy (a 2,000-record devnet history is
 * three chunks, not one that is read and then written with nothing overlapping), while a chunk's blobs still download
 * many at a time.
 */
public record SyncLimits(long maxRpcBytes, long maxBlobBytes, long maxModelBytes, long maxHubBytes,
                         Duration rpcTimeout, Duration blobTimeout, Duration modelTimeout, int blobConcurrency,
                         long initialSpan, long minSpan, long maxSpan, int targetLogs) {

    public static final SyncLimits DEFAULT = new SyncLimits(32L << 20, 4L << 20, 256L << 20, 4L << 20,
            Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(120), 8, 2_000, 1, 50_000, 500);

    public SyncLimits {
        if (maxRpcBytes <= 0 || maxBlobBytes <= 0 || maxModelBytes <= 0 || maxHubBytes <= 0 || blobConcurrency < 1
                || blobConcurrency > 64) {
            throw new IllegalArgumentException("sync caps must be positive and at most 64 blob fetches at a time");
        }
        new io.proofdesk.chain.AdaptiveChunker(initialSpan, minSpan, maxSpan, targetLogs); // validates the spans
    }

    public SyncLimits withRpc(long maxBytes, Duration timeout) {
        return new SyncLimits(maxBytes, maxBlobBytes, maxModelBytes, maxHubBytes, timeout, blobTimeout, modelTimeout,
                blobConcurrency, initialSpan, minSpan, maxSpan, targetLogs);
    }

    public SyncLimits withBlobs(long maxBytes, Duration timeout) {
        return new SyncLimits(maxRpcBytes, maxBytes, maxModelBytes, maxHubBytes, rpcTimeout, timeout, modelTimeout,
                blobConcurrency, initialSpan, minSpan, maxSpan, targetLogs);
    }

    public SyncLimits withSpans(long initial, long min, long max, int target) {
        return new SyncLimits(maxRpcBytes, maxBlobBytes, maxModelBytes, maxHubBytes, rpcTimeout, blobTimeout,
                modelTimeout, blobConcurrency, initial, min, max, target);
    }
}
