package io.proofdesk.chain.proof;

/** A checkpoint given as text that is not {@code N:0xHASH}; bad input, not a lie. */
public final class CheckpointFormatException extends IllegalArgumentException {
    public CheckpointFormatException(String message) {
        super(message);
    }
}
