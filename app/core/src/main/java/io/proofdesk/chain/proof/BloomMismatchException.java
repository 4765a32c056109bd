package io.proofdesk.chain.proof;

/** A logs bloom that does not match the logs it summarises (a receipt's own, or the header's over all receipts). */
public final class BloomMismatchException extends ChainProofException {
    public BloomMismatchException(String message) {
        super(message);
    }
}
