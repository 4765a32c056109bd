package io.proofdesk.cli;

import io.proofdesk.attest.KeyFormatException;
import io.proofdesk.attest.PublicKeys;
import io.proofdesk.attest.TeeId;
import io.proofdesk.gateway.GatewayCheckLine;
import io.proofdesk.gateway.GatewayCheckResult;
import io.proofdesk.gateway.GatewayKeySource;
import io.proofdesk.gateway.GatewayResponseChecker;
import io.proofdesk.gateway.StoreTeeRegistry;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.registry.ChainTeeRegistry;
import io.proofdesk.store.DataDirectory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "check-response", mixinStandardHelpOptions = true,
        description = {"Check a TEE gateway's response body exactly as it was returned (OpenAI-style chat or text "
                + "completion; the current tee_signature format or the legacy one): the output hash against the "
                + "response's own content, the request hash against --request, the key against the response's "
                + "tee_id (or the registry's key and the TEE's status when it signed, from a synced store or read live "
                + "from --network's registry), and the RSA-PSS signature.",
                "Exit 0 VALID, 1 INVALID, 2 cannot check (unknown format, no key, unknown TEE), 3 unreadable."})
public final class CheckResponseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESPONSE.json", description = "The response body as the gateway returned it")
    Path response;

    @Option(names = "--request", paramLabel = "REQUEST.json",
            description = "The request body as the client sent it; its hash is compared with the response's")
    Path request;

    @ArgGroup(exclusive = true)
    KeyChoice keyChoice;

    static final class KeyChoice {
        @Option(names = "--key", paramLabel = "PEM", description = "The TEE's public key (PEM or DER, e.g. from "
                + "its /signing-key)")
        Path key;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "A store filled by proofdesk sync: use the "
                + "registry's key for the TEE and its enabled status when the response was signed")
        Path dataDir;

        @Option(names = "--network", paramLabel = "NAME|FILE", description = "Read the TEE registry of this network "
                + "live over JSON-RPC (every registry version): the registry's key for the TEE and whether it was "
                + "enabled when the response was signed. " + NetworkChoice.DESCRIPTION)
        String network;
    }

    @Option(names = "--tee-id", paramLabel = "0x...", description = "The TEE expected to have signed (legacy "
            + "responses name none; needed with --data-dir or --network for them)")
    String teeId;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (teeId != null) {
            try {
                TeeId.fromHex(teeId);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--tee-id: " + e.getMessage());
            }
        }
        GatewayCheckResult r = new GatewayResponseChecker(keySource(), teeId).check(response, request);
        if (r.format() != null) {
            out.println("format    " + r.format().description());
        }
        if (!r.lines().isEmpty()) {
            out.println("tee_id    " + (r.teeId() == null ? "- (the response names none)" : r.teeId()));
            out.println("timestamp " + r.timestamp());
        }
        for (Map.Entry<String, GatewayCheckLine> line : r.lines().entrySet()) {
            out.printf("%-9s %s%s%n", line.getKey(), word(line.getValue().status()), line.getValue().text());
        }
        out.println("verdict   " + r.verdict());
        r.reasons().forEach(reason -> out.println("reason    " + reason));
        return r.verdict().exitCode();
    }

    private GatewayKeySource keySource() throws IOException {
        if (keyChoice == null) {
            return GatewayKeySource.none();
        }
        if (keyChoice.key != null) {
            try {
                return new GatewayKeySource.GivenKey(PublicKeys.parse(
                        ReexecCommand.read(keyChoice.key, PublicKeys.MAX_KEY_BYTES), keyChoice.key.toString()),
                        keyChoice.key.toString());
            } catch (KeyFormatException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        if (keyChoice.network != null) {
            // "demo" is the devnet of the default data folder (proofdesk devnet writes its devnet.json there)
            NetworkProfile profile = NetworkChoice.resolve(keyChoice.network, DataDirectory.resolve((Path) null).path());
            return new GatewayKeySource.Registry(ChainTeeRegistry.of(profile));
        }
        return new GatewayKeySource.Registry(StoreTeeRegistry.in(DataDirectory.resolve(keyChoice.dataDir)));
    }

    /** A line with nothing to compare says so in its own words. */
    private static String word(GatewayCheckLine.Status status) {
        return switch (status) {
            case PASSED -> "ok: ";
            case FAILED -> "FAILED: ";
            case NOT_GIVEN -> "";
            case NOT_CHECKED -> "not checked: ";
        };
    }
}
