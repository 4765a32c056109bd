package io.proofdesk.gateway;

/** The answer about one gateway response, with the CLI's exit code for it (DESIGN.md section 5). */
public enum GatewayVerdict {
    /** Every check that applies ran and passed. */
    VALID(0),
    /** Something checked does not hold: a hash, the signature, the key's TEE id, the TEE's registry status. */
    INVALID(1),
    /** Nothing failed, but something needed could not be checked (unknown format, no key, unknown TEE, ...). */
    CANNOT_CHECK(2),
    /** The file is not a readable response (not JSON, a field missing or malformed, too large). */
    UNREADABLE(3);

    private final int exitCode;

    GatewayVerdict(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
