package io.proofdesk.report.bundle;

/**
 * How much a bundle may hold, counted while decompressing (a zip's declared sizes are not trusted): the zip file's
 * own size, the number of entries, the bytes of one entry and of all entries together.
 */
public record BundleLimits(long maxZipBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes) {

    public static BundleLimits defaults() {
        return new BundleLimits(512L << 20, 64, 256L << 20, 512L << 20);
    }
}
