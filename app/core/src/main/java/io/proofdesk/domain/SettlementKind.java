package io.proofdesk.domain;

/**
 * How an inference reached the chain: an {@code IndividualSettlement} event, a leaf of a {@code BatchSettlement}
 * Merkle tree, or the inference contract's own {@code InferenceResult} log.
 */
public enum SettlementKind {
    INDIVIDUAL, BATCH, ONCHAIN
}
