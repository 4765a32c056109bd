package io.proofdesk.report.bundle;

/** An entry name that could point outside the bundle (absolute, "..", backslashes, odd characters). */
public final class UnsafeBundleEntryException extends BundleException {
    public UnsafeBundleEntryException(String entry, String message) {
        super(entry, message, null);
    }
}
