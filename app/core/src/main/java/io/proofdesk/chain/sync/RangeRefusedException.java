package io.proofdesk.chain.sync;

/**
 * The endpoint refused an {@code eth_getLogs} range as too large, or did not answer it in time: the chunker shrinks
 * the range and tries again. Only escapes the sync as an {@link RpcErrorException} / {@link RpcTimeoutException}
 * once the range cannot shrink further.
 */
public final class RangeRefusedException extends Exception {
    private final SyncException asFailure;

    RangeRefusedException(SyncException asFailure) {
        super(asFailure.getMessage(), asFailure);
        this.asFailure = asFailure;
    }

    public SyncException asFailure() {
        return asFailure;
    }
}
