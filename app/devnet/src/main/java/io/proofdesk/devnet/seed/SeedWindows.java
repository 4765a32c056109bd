package io.proofdesk.devnet.seed;

/**
 * How the seeder walks the plan: {@code size} records are produced, then settled, per window; with {@code overlap}
 * the next window is produced while the previous one settles. Neither changes what ends up on chain or its order,
 * only how long it takes and how much is held in memory (two windows at most).
 */
public record SeedWindows(int size, boolean overlap) {

    /** ~2000 records keep memory flat for 100,000-record histories; overlapping keeps both stages busy. */
    public static final SeedWindows DEFAULT = new SeedWindows(2000, true);

    public SeedWindows {
        if (size < 1) {
            throw new IllegalArgumentException("a seeding window holds at least one record: " + size);
        }
    }
}
