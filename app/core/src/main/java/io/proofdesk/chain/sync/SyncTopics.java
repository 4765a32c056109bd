package io.proofdesk.chain.sync;

import java.util.List;

/**
 * The topic0 values a sync of these contracts asks {@code eth_getLogs} for (benchmarks replay the same query); empty
 * means no topic filter, which is what a sync watching an inference contract asks so that an event version it does not
 * know still reaches it (and is stored as such).
 */
public final class SyncTopics {

    private SyncTopics() {
    }

    public static List<String> of(ContractAddresses contracts) {
        return new ChunkReader(contracts, null, null, null).topics();
    }
}
