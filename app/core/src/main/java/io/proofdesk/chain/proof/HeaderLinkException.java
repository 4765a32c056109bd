package io.proofdesk.chain.proof;

/** Headers that do not chain by parent hash, or a header that contradicts a trusted checkpoint. */
public final class HeaderLinkException extends ChainProofException {
    public HeaderLinkException(String message) {
        super(message);
    }
}
