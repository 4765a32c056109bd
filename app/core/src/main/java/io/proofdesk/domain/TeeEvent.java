package io.proofdesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One TEERegistry log. {@code teeId} is set for REGISTERED/ENABLED/DISABLED/HEARTBEAT, {@code pcrHash} for
 * PCR_APPROVED/PCR_REVOKED (and for REGISTERED when known); {@code teeType} for REGISTERED and PCR_APPROVED;
 * {@code pcrVersion} for PCR_APPROVED. {@code timestamp} is the heartbeat's own timestamp for HEARTBEAT,
 * otherwise the block's (nullable if unknown).
 */
public record TeeEvent(long blockNumber, long logIndex, String txHash, TeeEventKind kind, String teeId,
                       String pcrHash, Integer teeType, String pcrVersion, Instant timestamp) {

    public TeeEvent {
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(kind, "kind");
        if (teeId == null && pcrHash == null) {
            throw new IllegalArgumentException(kind + " event at block " + blockNumber + " names neither a TEE nor a PCR");
        }
    }
}
