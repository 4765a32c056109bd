package io.proofdesk.report.bundle;

/** A bundle that cannot be checked; {@code entry} names the part at fault (null for the zip as a whole). */
public sealed class BundleException extends Exception
        permits BundleFormatException, BundleTooLargeException, UnsafeBundleEntryException,
        BundleInconsistentException, BundleSignatureException {

    private final String entry;

    BundleException(String entry, String message, Throwable cause) {
        super((entry == null ? "" : entry + ": ") + message, cause);
        this.entry = entry;
    }

    public String entry() {
        return entry;
    }
}
