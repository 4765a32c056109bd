package io.proofdesk.devnet.liar;

import java.time.Duration;

/**
 * How a liar lies where its mode leaves a choice: {@code dripInterval}, the time between two bytes of a slow-drip
 * answer (a second by default); {@code forkHeight}, the first block of a fork's own chain (null: half the chain's
 * height when the liar starts, at least block 1).
 */
public record LieSettings(Duration dripInterval, Long forkHeight) {

    public static final LieSettings DEFAULT = new LieSettings(Duration.ofSeconds(1), null);

    public LieSettings {
        if (dripInterval == null || dripInterval.isNegative() || dripInterval.isZero()) {
            throw new IllegalArgumentException("the drip interval must be positive");
        }
        if (forkHeight != null && forkHeight < 1) {
            throw new IllegalArgumentException("a fork starts at block 1 or later (genesis stays shared)");
        }
    }

    public LieSettings withDripInterval(Duration interval) {
        return new LieSettings(interval, forkHeight);
    }

    public LieSettings withForkHeight(long height) {
        return new LieSettings(dripInterval, height);
    }
}
