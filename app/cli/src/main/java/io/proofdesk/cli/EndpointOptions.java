package io.proofdesk.cli;

import io.proofdesk.devnet.DevnetManifest;
import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.SyncedNetworks;
import io.proofdesk.network.TrustRootFileException;
import io.proofdesk.network.TrustRootFiles;
import io.proofdesk.report.ReportNetwork;
import io.proofdesk.report.bundle.ChainEvidence;
import io.proofdesk.report.bundle.JsonRpcChainEvidence;
import io.proofdesk.store.Store;
import io.proofdesk.verify.NetworkSources;
import io.proofdesk.verify.VerificationSources;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where verify, report and bundle reach the network: {@code --network NAME|FILE}, {@code --devnet DIR}, or
 * {@code --rpc/--files/--blobs}, or, with none of them, the network the store was last synced from (its endpoints and trust roots, recorded by the sync).
 */
public final class EndpointOptions {

    @Option(names = "--devnet", paramLabel = "DIR", description = "Endpoints from DIR/devnet.json; trusts the demo root")
    Path devnet;

    @Option(names = "--network", paramLabel = "NAME|FILE", description = NetworkChoice.DESCRIPTION)
    String network;

    @Option(names = "--rpc", paramLabel = "URL",
            description = "JSON-RPC endpoint of the chain (with --files and --blobs). Without --rpc or --devnet: "
                    + "the endpoints the store was last synced from")
    String rpc;

    @Option(names = "--files", paramLabel = "URL", description = "File store (GET /ipfs/<cid>)")
    String files;

    @Option(names = "--blobs", paramLabel = "URL", description = "Blob store (GET /v1/blobs/<id>)")
    String blobs;

    @Option(names = "--trust-root", paramLabel = "PEM",
            description = "Also trust this attestation root certificate (repeatable); the AWS Nitro root always is")
    List<Path> trustRoots = new ArrayList<>();

    /** Sources, chain evidence and the network's description. */
    record Resolved(VerificationSources sources, ChainEvidence chain, ReportNetwork network, NetworkProfile profile) {
        static Resolved of(NetworkProfile p) {
            return new Resolved(NetworkSources.of(p), new JsonRpcChainEvidence(p.firstRpc()), ReportNetwork.of(p), p);
        }
    }

    /**
     * The network the flags name, or else the one {@code store} was last synced from (said on {@code out}).
     *
     * @throws UserInputException when neither is known, or the flags are incomplete
     */
    Resolved resolve(Store store, PrintWriter out) throws IOException {
        return resolveIfKnown(store, out).orElseThrow(() -> new UserInputException("no endpoints given, and the store "
                + store.databaseFile() + " does not record the network it was synced from (never synced, or synced "
                + "by an older Proofdesk); give --devnet DIR, or all of --rpc, --files and --blobs, or sync it again"));
    }

    /** As {@link #resolve}, but empty when no flag is given and the store records no network. */
    Optional<Resolved> resolveIfKnown(Store store, PrintWriter out) throws IOException {
        Optional<NetworkProfile> given = fromFlags(store.databaseFile().toAbsolutePath().getParent());
        if (given.isPresent()) {
            return Optional.of(Resolved.of(given.get()));
        }
        Optional<NetworkProfile> synced = store.read(SyncedNetworks::read);
        if (synced.isEmpty()) {
            return Optional.empty();
        }
        NetworkProfile p = synced.get().withTrustRoots(concat(synced.get().trustRoots(), extraRoots()));
        out.println("network: " + p.describe() + ", as this store was last synced"
                + (p.demo() ? " (demo attestation root trusted for it)" : ""));
        out.flush();
        return Optional.of(Resolved.of(p));
    }

    private Optional<NetworkProfile> fromFlags(Path dataDir) throws IOException {
        if (network != null) {
            if (devnet != null || rpc != null) {
                throw new UserInputException("--network does not go with --devnet or --rpc: give one way to the network");
            }
            NetworkProfile p = NetworkChoice.resolve(network, dataDir);
            return Optional.of(p.withTrustRoots(concat(p.trustRoots(), extraRoots())));
        }
        if (devnet != null) {
            if (!trustRoots.isEmpty()) {
                throw new UserInputException("--trust-root does not go with --devnet: a devnet's root comes from its "
                        + "manifest");
            }
            return Optional.of(devnetProfile(devnet));
        }
        if (rpc == null && (files != null || blobs != null)) {
            throw new UserInputException("--files and --blobs need --rpc (or give none of them to use the endpoints "
                    + "the store was synced from)");
        }
        if (rpc == null) {
            return Optional.empty();
        }
        if (files == null || blobs == null) {
            throw new UserInputException("give --devnet DIR, or all of --rpc, --files and --blobs");
        }
        return Optional.of(new NetworkProfile("network at " + rpc, null, List.of(rpc), HeaderFormat.ETHEREUM, null,
                null, files, blobs, List.of(), NetworkContracts.NONE, 0, extraRoots(), false));
    }

    /** devnet.json's network with its demo root read (a root given as a path is read from the manifest's folder). */
    static NetworkProfile devnetProfile(Path dirOrFile) throws IOException {
        DevnetManifest m = DevnetManifest.read(dirOrFile);
        Path folder = Files.isDirectory(dirOrFile) ? dirOrFile : dirOrFile.toAbsolutePath().getParent();
        try {
            return TrustRootFiles.resolve(m.toProfile(), folder);
        } catch (TrustRootFileException e) {
            throw new UserInputException("the devnet manifest's attestation root: " + e.getMessage(), e);
        }
    }

    /** The --trust-root files as PEM text. */
    List<String> extraRoots() throws IOException {
        List<String> pems = new ArrayList<>();
        for (Path p : trustRoots) {
            try {
                pems.add(TrustRootFiles.read(p.toString(), null));
            } catch (TrustRootFileException e) {
                throw new UserInputException("--trust-root: " + e.getMessage(), e);
            }
        }
        return pems;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
