package io.proofdesk.attest;

/** Outcome of one cryptographic check. There is no "maybe": anything that cannot be checked is INVALID with a reason. */
public enum CryptoCheckStatus {
    VALID,
    INVALID
}
