package io.proofdesk.report.bundle;

/** A part is missing, malformed, of the wrong type, or does not match the manifest's hash. */
public final class BundleFormatException extends BundleException {
    public BundleFormatException(String entry, String message) {
        super(entry, message, null);
    }

    public BundleFormatException(String entry, String message, Throwable cause) {
        super(entry, message, cause);
    }
}
