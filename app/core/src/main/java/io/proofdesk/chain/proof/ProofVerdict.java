package io.proofdesk.chain.proof;

/**
 * What proving a block came to, in words a record's detail can show.
 *
 * @param reason one sentence: what was proved, why nothing can be, or what failed and where
 */
public record ProofVerdict(Status status, String reason) {

    public enum Status {
        /** Header hash, transactions root and receipts root all rebuilt from the endpoint's data. */
        PROVED,
        /** The chain's headers do not commit to receipts the Ethereum way; nothing was checked, nothing failed. */
        NOT_PROVABLE,
        /** The endpoint's data contradicts its own header: the block (and its endpoint) must not be believed. */
        FAILED
    }

    public static ProofVerdict proved(String reason) {
        return new ProofVerdict(Status.PROVED, reason);
    }

    public static ProofVerdict notProvable(String reason) {
        return new ProofVerdict(Status.NOT_PROVABLE, reason);
    }

    public static ProofVerdict failed(String reason) {
        return new ProofVerdict(Status.FAILED, reason);
    }

    public boolean isProved() {
        return status == Status.PROVED;
    }
}
