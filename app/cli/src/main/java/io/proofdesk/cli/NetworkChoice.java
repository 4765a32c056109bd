package io.proofdesk.cli;

import io.proofdesk.network.BuiltInNetworks;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.NetworkProfileException;
import io.proofdesk.network.NetworkProfileJson;
import io.proofdesk.network.TrustRootFileException;
import io.proofdesk.network.TrustRootFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --network NAME|FILE}: a built-in network by name ({@code proofdesk networks} lists them), or a network
 * profile file (docs/NETWORKS.md; trust roots given as paths are read from the file's folder). The demo network is
 * the devnet.json {@code proofdesk devnet} keeps in {@code <data dir>/devnet}.
 */
final class NetworkChoice {

    static final String DESCRIPTION = "A built-in network by name (see 'proofdesk networks': demo, "
            + "opengradient-devnet) or a network profile JSON file (docs/NETWORKS.md)";

    private NetworkChoice() {
    }

    static NetworkProfile resolve(String value, Path dataDir) throws IOException {
        if (value == null || value.isBlank()) {
            throw new UserInputException("--network needs a name (" + BuiltInNetworks.names() + ") or a profile file");
        }
        var builtIn = BuiltInNetworks.named(value.strip());
        if (builtIn.isPresent()) {
            if (builtIn.get().profile() != null) {
                return builtIn.get().profile();
            }
            Path manifest = dataDir.resolve("devnet");
            if (!Files.isRegularFile(manifest.resolve("devnet.json"))) {
                throw new UserInputException("--network demo: no demo network for " + dataDir + " (no "
                        + manifest.resolve("devnet.json") + "); start it with: proofdesk devnet --data-dir " + dataDir);
            }
            return EndpointOptions.devnetProfile(manifest);
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("--network: " + value + " is neither a built-in network ("
                    + BuiltInNetworks.names() + ") nor a profile file");
        }
        try {
            NetworkProfile profile = NetworkProfileJson.read(file);
            return TrustRootFiles.resolve(profile, file.toAbsolutePath().getParent());
        } catch (NetworkProfileException | TrustRootFileException e) {
            throw new UserInputException("--network: " + e.getMessage(), e);
        }
    }
}
