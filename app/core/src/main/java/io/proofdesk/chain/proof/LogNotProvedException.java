package io.proofdesk.chain.proof;

/** A log an endpoint reported that the proved block does not hold as reported (phantom, duplicate or altered). */
public final class LogNotProvedException extends ChainProofException {
    public LogNotProvedException(String message) {
        super(message);
    }
}
