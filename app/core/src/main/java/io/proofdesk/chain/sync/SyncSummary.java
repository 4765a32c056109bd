package io.proofdesk.chain.sync;

import java.time.Duration;

/** What one sync run did, for the CLI's final line and the GUI's notification. */
public record SyncSummary(long chainId, long fromBlock, long toBlock, long blocks, long logs, long records,
                          long blobsFetched, long blobsFailed, long notes, long reorgs, int models, Duration elapsed) {

    public double logsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : logs / s;
    }
}
