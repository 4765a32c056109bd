package io.proofdesk.report.bundle;

/**
 * How much a bundle may hold, counted while decompressing (a zip's declared sizes are not trusted): the zip file's
 * own size, the number of entries, the bytes of one entry and of all entries together, and the tighter caps of the
 * chain proof's parts: the block header ({@code maxHeaderBytes}; a real one is about 600 bytes) and each inclusion
 * proof ({@code maxProofBytes}; its nodes, a receipt with many logs included, and the header again, as hex).
 */
public record BundleLimits(long maxZipBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                           long maxHeaderBytes, long maxProofBytes) {

    public BundleLimits(long maxZipBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        this(maxZipBytes, maxEntries, maxEntryBytes, maxTotalBytes, 64L << 10, 32L << 20);
    }

    public static BundleLimits defaults() {
        return new BundleLimits(512L << 20, 64, 256L << 20, 512L << 20);
    }

    /** The cap of the entry {@code name} beyond the per-entry limit (the limit itself for most entries). */
    long capOf(String name) {
        return switch (name) {
            case BundleLayout.HEADER -> maxHeaderBytes;
            case BundleLayout.RECEIPT_PROOF, BundleLayout.TRANSACTION_PROOF -> maxProofBytes;
            default -> maxEntryBytes;
        };
    }
}
