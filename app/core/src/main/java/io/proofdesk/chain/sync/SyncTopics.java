package io.proofdesk.chain.sync;

import java.util.List;

/** The topic0 values a sync of these contracts asks {@code eth_getLogs} for (benchmarks replay the same query). */
public final class SyncTopics {

    private SyncTopics() {
    }

    public static List<String> of(ContractAddresses contracts) {
        return new ChunkReader(contracts, null, null, null).topics();
    }
}
