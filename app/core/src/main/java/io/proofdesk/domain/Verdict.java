package io.proofdesk.domain;

/** The overall outcome of verifying one inference. Anything Proofdesk could not check is UNVERIFIED, never VERIFIED. */
public enum Verdict {
    VERIFIED, MISMATCH, UNVERIFIED, ERROR
}
