package io.proofdesk.chain.proof;

/** The receipts or transactions an endpoint gave for a block do not rebuild the root its header commits to. */
public final class TrieRootMismatchException extends ChainProofException {
    private final long block;

    public TrieRootMismatchException(String what, long block, String headerRoot, String rebuilt, int items) {
        super(what + " root mismatch: block " + block + ", header has " + headerRoot + ", the " + items + " "
                + what + " given rebuild " + rebuilt);
        this.block = block;
    }

    public long block() {
        return block;
    }
}
