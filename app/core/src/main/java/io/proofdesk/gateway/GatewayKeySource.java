package io.proofdesk.gateway;

import java.security.PublicKey;
import java.util.Objects;

/** Where the key a response's signature is checked under comes from: nowhere, a key the user gave, or the registry. */
public sealed interface GatewayKeySource {

    /** No key: the hashes are still checked, the signature cannot be. */
    record NoKey() implements GatewayKeySource {
    }

    /** A key the user holds (the TEE's /signing-key, a PEM from a colleague); {@code source} names it in the lines. */
    record GivenKey(PublicKey key, String source) implements GatewayKeySource {
        public GivenKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(source, "source");
        }
    }

    /** The TEE registry as a synced store knows it: the key registered for the TEE id, and whether it was enabled. */
    record Registry(TeeRegistryLookup lookup) implements GatewayKeySource {
        public Registry {
            Objects.requireNonNull(lookup, "lookup");
        }
    }

    static GatewayKeySource none() {
        return new NoKey();
    }
}
