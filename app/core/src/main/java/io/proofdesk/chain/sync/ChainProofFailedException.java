package io.proofdesk.chain.sync;

/**
 * An endpoint's chain data failed a proof (a header that does not hash or link, a receipt or transaction that does
 * not rebuild its root, a log not in its proved receipt, a log served twice, logs the other sources contradict): the
 * endpoint lied or serves another chain, so nothing of the range is kept from it.
 */
public final class ChainProofFailedException extends SyncException {
    private final long block;
    private final boolean endpointLied;

    public ChainProofFailedException(String endpoint, long block, String problem, Throwable cause) {
        this(endpoint, block, problem, cause, true);
    }

    /** {@code endpointLied} false: not this endpoint's lie but a shortfall (too few sources left to agree). */
    public ChainProofFailedException(String endpoint, long block, String problem, Throwable cause,
                                     boolean endpointLied) {
        super(endpoint, problem, cause);
        this.block = block;
        this.endpointLied = endpointLied;
    }

    /** Whether the endpoint named is the one whose data failed (and may be left for another). */
    public boolean endpointLied() {
        return endpointLied;
    }

    public ChainProofFailedException(String endpoint, long block, String problem) {
        this(endpoint, block, problem, null);
    }

    /** The block the failed proof was about (the range's first block when it was about a range). */
    public long block() {
        return block;
    }
}
