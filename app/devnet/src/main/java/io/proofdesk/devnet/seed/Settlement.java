package io.proofdesk.devnet.seed;

/** How a seeded record reaches the chain. */
public enum Settlement {
    /** {@code IndividualSettlement} on the relay: hashes, signature and blob id per record. */
    INDIVIDUAL,
    /** One leaf of a {@code BatchSettlement} Merkle root. */
    BATCH,
    /** The ONNX inference contract's {@code InferenceResult} log (VANILLA and ZKML records). */
    ONCHAIN
}
