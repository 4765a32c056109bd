package io.proofdesk.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the network's block headers are laid out; the profile key {@code headerFormat}. */
public enum HeaderFormat {
    /** Ethereum's header (anvil, geth, most EVM chains): what Proofdesk reads today. */
    ETHEREUM("ethereum"),
    /** CometBFT's header under an EVM (cosmos-evm chains such as OpenGradient's): not read yet. */
    COSMOS_EVM("cosmos-evm");

    private final String key;

    HeaderFormat(String key) {
        this.key = key;
    }

    /** The value in a profile file. */
    public String key() {
        return key;
    }

    public static Optional<HeaderFormat> of(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.key.equals(k)).findFirst();
    }
}
