package io.proofdesk.devnet.node;

/** A request named a model CID the file store does not have. */
public final class UnknownModelException extends RuntimeException {
    public UnknownModelException(String cid) {
        super("unknown model: no file with CID " + cid);
    }
}
