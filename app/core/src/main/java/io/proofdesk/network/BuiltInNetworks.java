package io.proofdesk.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The networks Proofdesk knows by name ({@code --network NAME}, {@code proofdesk networks}): the demo network, and
 * OpenGradient's devnet as its public repositories describe it. A profile names today's addresses; what each address
 * was in earlier eras is {@link BuiltInNetwork#history()}, with the commit that shows it, because a sync reads one
 * registry at a time and an old address must be chosen on purpose ({@code --contracts registry=0x...}).
 */
public final class BuiltInNetworks {

    public static final String DEMO = "demo";
    public static final String OPENGRADIENT_DEVNET = "opengradient-devnet";

    private static final List<BuiltInNetwork> ALL = List.of(
            new BuiltInNetwork(DEMO, "Proofdesk's demo network (honest and dishonest nodes on 127.0.0.1): the "
                    + "devnet.json that `proofdesk devnet` writes into <data dir>/devnet; start it first", null,
                    List.of()),
            new BuiltInNetwork(OPENGRADIENT_DEVNET, "OpenGradient's devnet, OG EVM chain 10740 (cosmos-evm: its "
                    + "headers commit to no receipts, so records are at best AGREED, never PROVED)",
                    load("opengradient-devnet.json"), List.of(
                    "inference contract 0x8383C9bD7462F12Eb996DD02F78234C0421A6FaE since 2024-09 "
                            + "(OpenGradient/OpenGradient-SDK e464d34, DEFAULT_INFERENCE_CONTRACT_ADDRESS)",
                    "inference precompile 0x00000000000000000000000000000000000000F4: ModelInferenceEvent read, "
                            + "results it ran asynchronously fetched from the node API https://sdk-devnet.opengradient.ai "
                            + "(OpenGradient-SDK d5a74e9, DEFAULT_API_URL; the node's word, not the chain's)",
                    "TEE registry 0x3d641a2791533b4a0000345ea8d509d01e1ec301 from 2026-03-05 "
                            + "(OpenGradient-SDK 08ce578)",
                    "TEE registry 0x4e72238852f3c918f4E4e57AeC9280dDB0c80248 from 2026-03-10 "
                            + "(OpenGradient-SDK 4e5f43a, DEFAULT_TEE_REGISTRY_ADDRESS)",
                    "TEE registry 0x703cB174AEadB35D611858369B4b1111dC9Abda6 since 2026-05-29 "
                            + "(OpenGradient-SDK 80f8c6f, \"registry address change\"), the one the profile reads",
                    "settlement relay: not published (a deployment-time setting of the facilitator)")));

    private BuiltInNetworks() {
    }

    public static List<BuiltInNetwork> all() {
        return ALL;
    }

    public static Optional<BuiltInNetwork> named(String name) {
        return ALL.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** "demo, opengradient-devnet", for messages. */
    public static String names() {
        return String.join(", ", ALL.stream().map(BuiltInNetwork::name).toList());
    }

    private static NetworkProfile load(String resource) {
        try (InputStream in = Objects.requireNonNull(BuiltInNetworks.class.getResourceAsStream(resource), resource)) {
            return NetworkProfileJson.parse(in.readAllBytes(), "built-in " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param profile null for the demo network, whose endpoints exist only while it runs (read its devnet.json)
     * @param history what was at which address when, each with its source
     */
    public record BuiltInNetwork(String name, String description, NetworkProfile profile, List<String> history) {
        public BuiltInNetwork {
            history = List.copyOf(history);
        }
    }
}
