package io.proofdesk.devnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkContracts;
import io.proofdesk.network.NetworkProfile;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code devnet.json}: where a running demo network can be reached. Scripts and {@code proofdesk sync --devnet} rely
 * on these field names (DESIGN.md section 5); add fields, never rename them.
 */
public record DevnetManifest(long chainId, String rpcUrl, Map<String, String> contracts, String hubUrl,
                             String fileStoreUrl, String blobStoreUrl, List<Node> nodes, String groundTruth,
                             int inferences, String attestationRootPem, List<Rpc> rpcEndpoints, String explorerUrl,
                             List<Explorer> explorers) {

    public static final String FILE_NAME = "devnet.json";

    /** One demo TEE node; {@code behaviour} names the labelled dishonesty of a dishonest node ("honest" otherwise). */
    public record Node(String url, String teeId, boolean honest, String behaviour) {}

    /**
     * One JSON-RPC endpoint of the chain: the honest one ({@code rpcUrl}, mode "honest") first, then a lying one per
     * {@code proofdesk devnet --lying-rpc MODE}, its {@code mode} the lie's name (io.proofdesk.devnet.liar.LieMode).
     */
    public record Rpc(String url, boolean honest, String mode) {
        public static final String HONEST = "honest";
    }

    /**
     * One block explorer of the chain (its Etherscan-compatible API at {@code url + "/api"}): the honest one
     * ({@code explorerUrl}, mode "honest") first, then a lying one per {@code proofdesk devnet --lying-explorer MODE},
     * its {@code mode} the lie's name (io.proofdesk.devnet.explorer.ExplorerLie).
     */
    public record Explorer(String url, boolean honest, String mode) {
    }

    public DevnetManifest {
        contracts = Map.copyOf(contracts);
        nodes = List.copyOf(nodes);
        explorers = explorers != null ? List.copyOf(explorers)
                : explorerUrl == null ? List.of() : List.of(new Explorer(explorerUrl, true, Rpc.HONEST));
        // a manifest written before the key existed lists its one honest endpoint
        rpcEndpoints = rpcEndpoints != null ? List.copyOf(rpcEndpoints)
                : rpcUrl == null ? List.of() : List.of(new Rpc(rpcUrl, true, Rpc.HONEST));
    }

    /** A manifest of a devnet without block explorers. */
    public DevnetManifest(long chainId, String rpcUrl, Map<String, String> contracts, String hubUrl,
                          String fileStoreUrl, String blobStoreUrl, List<Node> nodes, String groundTruth,
                          int inferences, String attestationRootPem, List<Rpc> rpcEndpoints) {
        this(chainId, rpcUrl, contracts, hubUrl, fileStoreUrl, blobStoreUrl, nodes, groundTruth, inferences,
                attestationRootPem, rpcEndpoints, null, null);
    }

    /** A manifest of a devnet with only its honest endpoint. */
    public DevnetManifest(long chainId, String rpcUrl, Map<String, String> contracts, String hubUrl,
                          String fileStoreUrl, String blobStoreUrl, List<Node> nodes, String groundTruth,
                          int inferences, String attestationRootPem) {
        this(chainId, rpcUrl, contracts, hubUrl, fileStoreUrl, blobStoreUrl, nodes, groundTruth, inferences,
                attestationRootPem, null);
    }

    /** The URL of the lying endpoint of {@code mode} (its {@link Rpc#mode()} key), if this devnet has one. */
    public java.util.Optional<String> lyingRpcUrl(String mode) {
        return rpcEndpoints.stream().filter(r -> !r.honest() && r.mode().equals(mode)).map(Rpc::url).findFirst();
    }

    /** The base URL of the lying explorer of {@code mode} (its {@link Explorer#mode()} key), if this devnet has one. */
    public java.util.Optional<String> lyingExplorerUrl(String mode) {
        return explorers.stream().filter(e -> !e.honest() && e.mode().equals(mode)).map(Explorer::url).findFirst();
    }

    /** Contract keys in {@link #contracts()}. */
    public static final String TEE_REGISTRY = "TEERegistry";
    public static final String SETTLEMENT_RELAY = "InferenceSettlementRelay";
    public static final String INFERENCE = "Inference";
    public static final String INFERENCE_JSONS = "InferenceJsons";

    /**
     * This devnet as a network profile: a demo network whose one trust root is its demo attestation root (inline PEM,
     * or a path that {@link io.proofdesk.network.TrustRootFiles#resolve} reads from the manifest's folder).
     */
    public NetworkProfile toProfile() {
        List<String> inference = new ArrayList<>();
        addIfSet(inference, contracts.get(INFERENCE));
        addIfSet(inference, contracts.get(INFERENCE_JSONS));
        List<String> registry = new ArrayList<>();
        addIfSet(registry, contracts.get(TEE_REGISTRY));
        List<String> relay = new ArrayList<>();
        addIfSet(relay, contracts.get(SETTLEMENT_RELAY));
        List<String> roots = attestationRootPem == null || attestationRootPem.isBlank() ? List.of()
                : List.of(attestationRootPem);
        return new NetworkProfile("demo", chainId, rpcUrl == null ? List.of() : List.of(rpcUrl), HeaderFormat.ETHEREUM,
                null, hubUrl, fileStoreUrl, blobStoreUrl, nodes.stream().map(Node::url).toList(),
                new NetworkContracts(inference, List.of(), registry, relay), 0, roots, true);
    }

    private static void addIfSet(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }

    public void write(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        json.writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static DevnetManifest read(Path dir) throws IOException {
        Path f = Files.isDirectory(dir) ? dir.resolve(FILE_NAME) : dir;
        if (Files.size(f) > 1 << 20) {
            throw new IOException(f + " is larger than 1 MiB; not a devnet manifest");
        }
        return new ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(f.toFile(), DevnetManifest.class);
    }
}
