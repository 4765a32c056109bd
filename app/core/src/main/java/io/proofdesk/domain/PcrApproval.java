package io.proofdesk.domain;

import java.util.Objects;

/**
 * One approval period of a PCR set (pcrHash = keccak256(pcr0 || pcr1 || pcr2)): approved at {@code approvedBlock},
 * revoked at {@code revokedBlock} (null while still approved). A set approved again after a revocation has a
 * second period.
 */
public record PcrApproval(String pcrHash, int teeType, String version, long approvedBlock, Long revokedBlock) {

    public PcrApproval {
        Objects.requireNonNull(pcrHash, "pcrHash");
    }

    public boolean approvedAt(long block) {
        return approvedBlock <= block && (revokedBlock == null || block < revokedBlock);
    }
}
