package io.proofdesk.report.bundle;

/**
 * The bundle's signature does not hold: changed after signing, removed although the manifest names its auditor, or
 * made by another key than the one the reader expects (or absent when a key is expected).
 */
public final class BundleSignatureException extends BundleException {

    public BundleSignatureException(String message) {
        super(null, message, null);
    }
}
