package io.proofdesk.ui.network;

import io.proofdesk.network.NetworkProfile;

import java.util.Objects;

/**
 * The network settings kept in {@code <dataDir>/network.json}: which network, how big a demo to seed, the devnet.json
 * to import and the custom network as a profile (each kept while another is chosen, so switching back loses nothing).
 * {@code devnetFile} is an absolute path, or null before one is chosen.
 */
public record NetworkConfig(NetworkMode mode, int demoInferences, String devnetFile, NetworkProfile custom) {

    public static final int DEFAULT_DEMO_INFERENCES = 2_000;
    public static final int MIN_DEMO_INFERENCES = 1;
    public static final int MAX_DEMO_INFERENCES = 100_000;

    /** First run: no file yet, so the embedded demo network. */
    public static final NetworkConfig FIRST_RUN = new NetworkConfig(NetworkMode.DEMO, DEFAULT_DEMO_INFERENCES, null,
            NetworkProfile.EMPTY);

    public NetworkConfig {
        Objects.requireNonNull(mode, "mode");
        custom = custom == null ? NetworkProfile.EMPTY : custom;
        devnetFile = devnetFile == null || devnetFile.isBlank() ? null : devnetFile;
        if (demoInferences < MIN_DEMO_INFERENCES || demoInferences > MAX_DEMO_INFERENCES) {
            throw new IllegalArgumentException("demo size must be " + MIN_DEMO_INFERENCES + ".." + MAX_DEMO_INFERENCES
                    + " inferences, was " + demoInferences);
        }
        if (mode == NetworkMode.DEVNET && devnetFile == null) {
            throw new IllegalArgumentException("the devnet.json to import is not set");
        }
    }

    public NetworkConfig withDemoInferences(int n) {
        return new NetworkConfig(mode, n, devnetFile, custom);
    }
}
