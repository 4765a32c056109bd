package io.proofdesk.report.bundle;

import java.io.IOException;

/**
 * The chain's data does not prove the record being bundled (its block does not hash, a root does not rebuild, its log
 * is not in the proved receipts): the bundle is not written, since it would carry evidence its own proofs refute.
 */
public final class BundleEvidenceException extends IOException {
    public BundleEvidenceException(String message) {
        super(message);
    }
}
