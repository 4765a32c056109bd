package io.proofdesk.store;

import io.proofdesk.domain.Inference;

/**
 * Where the next page starts: the sort key of the last row shown. {@code leafIndex} is -1 for records that are
 * not batch leaves; {@code timestamp} (epoch ms) matters only for time sorts.
 */
public record PageKey(long timestampMillis, long blockNumber, long logIndex, int leafIndex) {

    public static PageKey after(Inference last) {
        Integer leaf = last.id().leafIndex();
        return new PageKey(last.timestamp().toEpochMilli(), last.blockNumber(), last.id().logIndex(),
                leaf == null ? -1 : leaf);
    }
}
