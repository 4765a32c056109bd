package io.proofdesk.ui.network;

import java.util.Objects;

/**
 * The network settings kept in {@code <dataDir>/network.json}: which network, how big a demo to seed, and the
 * custom endpoints (kept while the demo is chosen, so switching back does not lose them).
 */
public record NetworkConfig(NetworkMode mode, int demoInferences, CustomNetwork custom) {

    public static final int DEFAULT_DEMO_INFERENCES = 2_000;
    public static final int MIN_DEMO_INFERENCES = 1;
    public static final int MAX_DEMO_INFERENCES = 100_000;

    /** First run: no file yet, so the embedded demo network. */
    public static final NetworkConfig FIRST_RUN = new NetworkConfig(NetworkMode.DEMO, DEFAULT_DEMO_INFERENCES,
            CustomNetwork.EMPTY);

    public NetworkConfig {
        Objects.requireNonNull(mode, "mode");
        custom = custom == null ? CustomNetwork.EMPTY : custom;
        if (demoInferences < MIN_DEMO_INFERENCES || demoInferences > MAX_DEMO_INFERENCES) {
            throw new IllegalArgumentException("demo size must be " + MIN_DEMO_INFERENCES + ".." + MAX_DEMO_INFERENCES
                    + " inferences, was " + demoInferences);
        }
    }

    public NetworkConfig withDemoInferences(int n) {
        return new NetworkConfig(mode, n, custom);
    }
}
