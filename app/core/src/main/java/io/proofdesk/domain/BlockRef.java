package io.proofdesk.domain;

import java.time.Instant;
import java.util.Objects;

/** A block the sync has seen, kept for reorg detection. {@code parentHash} and {@code timestamp} are nullable. */
public record BlockRef(long number, String hash, String parentHash, Instant timestamp) {

    public BlockRef {
        Objects.requireNonNull(hash, "hash");
        if (number < 0) {
            throw new IllegalArgumentException("negative block number " + number);
        }
    }
}
