package io.proofdesk.domain;

/** The TEERegistry events Proofdesk keeps, from which a TEE's status at any block is derived. */
public enum TeeEventKind {
    REGISTERED, ENABLED, DISABLED, HEARTBEAT, PCR_APPROVED, PCR_REVOKED
}
