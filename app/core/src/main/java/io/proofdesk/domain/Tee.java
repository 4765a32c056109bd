package io.proofdesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A TEE as the TEERegistry's {@code TEEInfo} describes it now. {@code teeId} and {@code pcrHash} are 0x-prefixed
 * bytes32 hex; {@code publicKey} and {@code tlsCertificate} are DER. Nullable: paymentAddress, endpoint, pcrHash,
 * registeredAt, lastHeartbeat; publicKey/tlsCertificate may be empty. Its history is in {@link TeeEvent}s.
 */
public record Tee(String teeId, String owner, String paymentAddress, String endpoint, Bytes publicKey,
                  Bytes tlsCertificate, String pcrHash, int teeType, boolean enabled, Instant registeredAt,
                  Instant lastHeartbeat) {

    public Tee {
        Objects.requireNonNull(teeId, "teeId");
        Objects.requireNonNull(owner, "owner");
        publicKey = publicKey == null ? Bytes.empty() : publicKey;
        tlsCertificate = tlsCertificate == null ? Bytes.empty() : tlsCertificate;
    }
}
