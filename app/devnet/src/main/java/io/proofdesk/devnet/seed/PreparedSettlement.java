package io.proofdesk.devnet.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;

/**
 * What a produced record contributes to its settlement transaction, built on the producing thread so the single
 * settling thread only assembles and sends transactions.
 */
sealed interface PreparedSettlement {

    /** One {@code IndividualSettlement}; its blob is already on the blob store. */
    record Individual(InferenceSettlementRelay.Settlement settlement) implements PreparedSettlement {}

    /** One entry of a Merkle batch: the blob entry published in the tree dump, and the leaf (null when left out). */
    record BatchEntry(JsonNode published, TeeSettlementLeaf leaf) implements PreparedSettlement {}

    /**
     * One inference-contract record and its calldata weight (the estimate that cuts transactions at the calldata
     * budget).
     */
    record OnChain(Inference.InferenceRecord record, long calldataWeight) implements PreparedSettlement {}
}
