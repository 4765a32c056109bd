package io.proofdesk.devnet.explorer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the demo network's lying block explorer lies; {@link #key()} is the CLI's and devnet.json's name. */
public enum ExplorerLie {
    /** Leaves out every third inference/settlement log (log index 2 mod 3), as the lying RPC endpoint's omit does. */
    OMIT("omit"),
    /** Changes the last byte of the data of every third inference/settlement log. */
    ALTER_DATA("alter-data");

    private final String key;

    ExplorerLie(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** @throws IllegalArgumentException naming the known modes when {@code key} is none of them */
    public static ExplorerLie parse(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (ExplorerLie m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown lying-explorer mode '" + key + "'; the modes are "
                + Arrays.stream(values()).map(ExplorerLie::key).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return key;
    }
}
