package io.proofdesk.chain.sync;

/**
 * Where a sync stands: blocks {@code startBlock..syncedBlock} are in the store, the chain's head is {@code headBlock}.
 * Counters are for this run. {@code endpoint} is the RPC URL being read.
 */
public record SyncProgress(long startBlock, long syncedBlock, long headBlock, long chunks, long logs, long records,
                           long blobsFetched, long blobsFailed, long notes, long reorgs, long span, String endpoint) {

    /** 0..1 of the blocks between the start and the head. */
    public double fraction() {
        long total = headBlock - startBlock + 1;
        return total <= 0 ? 1.0 : Math.min(1.0, Math.max(0.0, (syncedBlock - startBlock + 1) / (double) total));
    }

    public boolean atHead() {
        return syncedBlock >= headBlock;
    }
}
