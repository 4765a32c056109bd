package io.proofdesk.chain.proof;

/** How strongly a record's presence on chain is established (docs/CHAIN-EVIDENCE.md). */
public enum EvidenceLevel {
    /** Its receipt (and calldata) proved against a header that is linked to a trusted checkpoint. */
    PROVED,
    /** Not proved, but K of N independent sources gave the same data. */
    AGREED,
    /** One source's word. */
    TRUSTED
}
