package io.proofdesk.report.bundle;

/**
 * A part of the bundle differs from the settled source it claims to come from (a tensor file from the blob or the
 * on-chain calldata and log): the bundle was changed, so it says nothing about the node.
 */
public final class BundleInconsistentException extends BundleException {

    private final String part;

    /** @param detail what differs, e.g. "differs from the settled blob's output 'y': element 0 is 1.5 here, 0.5 settled" */
    public BundleInconsistentException(String part, String detail) {
        super(null, "bundle inconsistent: " + part + " " + detail, null);
        this.part = part;
    }

    @Override
    public String entry() {
        return part;
    }
}
