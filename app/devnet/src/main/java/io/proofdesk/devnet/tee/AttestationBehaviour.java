package io.proofdesk.devnet.tee;

/** How a demo node answers {@code GET /enclave/attestation}: honestly, or wrong in one labelled way. */
public enum AttestationBehaviour {
    /** A fresh document at request time, carrying the caller's nonce, approved PCRs. */
    HONEST,
    /** Replays one document made long ago with an old nonce ("stale-attestation"). */
    STALE_REPLAY,
    /** Fresh and well signed, but measuring an image whose PCRs the registry never approved ("unapproved-pcr"). */
    UNAPPROVED_PCRS
}
