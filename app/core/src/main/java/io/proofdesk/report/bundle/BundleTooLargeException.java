package io.proofdesk.report.bundle;

/** The bundle (or one entry) passes a size or count limit: refused while reading, before it fills memory. */
public final class BundleTooLargeException extends BundleException {
    public BundleTooLargeException(String entry, String message) {
        super(entry, message, null);
    }
}
