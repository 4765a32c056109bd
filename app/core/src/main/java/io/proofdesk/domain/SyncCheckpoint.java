package io.proofdesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * How far one source (a contract address, or a named feed such as the hub) has been synced: every event up to
 * and including {@code lastBlock} is in the store. {@code lastBlockHash} is nullable.
 */
public record SyncCheckpoint(String source, long lastBlock, String lastBlockHash, Instant updatedAt) {

    public SyncCheckpoint {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (lastBlock < 0) {
            throw new IllegalArgumentException("negative checkpoint block " + lastBlock + " for " + source);
        }
    }
}
