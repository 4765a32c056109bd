package io.proofdesk.network;

import java.util.List;

/**
 * A network Proofdesk can audit, in the shape of {@code docs/NETWORKS.md}: its name, expected chain id, JSON-RPC
 * endpoints, header format, block explorer, model hub, file and blob stores, node URLs, contracts by role, the block a
 * fresh store starts at, and the attestation roots trusted for it besides the built-in AWS Nitro root.
 *
 * <p>{@code trustRoots} entries are PEM text or the path of a PEM file (relative paths are read from the folder of the
 * file that names them); {@link TrustRootFiles#resolve} reads the paths. {@code demo} marks Proofdesk's own demo
 * network (embedded, or a devnet written by {@code proofdesk devnet}): its trust roots are the demo attestation root,
 * which is shown as trusted only for the demo network. Optional URLs are null when not known. {@code checkpoints}:
 * blocks the network's settings trust, each {@code N:0xHASH} ({@link CheckpointText}), kept in that canonical form.
 * {@code nodeApi}: the chain node's REST API that answers the inference precompile's asynchronous results
 * (OpenGradient's SDK calls it {@code api_url}); null when not known.
 */
public record NetworkProfile(String name, Long chainId, List<String> rpc, HeaderFormat headerFormat, String explorer,
                             String hub, String fileStore, String blobStore, List<String> nodes,
                             NetworkContracts contracts, long fromBlock, List<String> trustRoots, boolean demo,
                             List<String> checkpoints, String nodeApi) {

    /** A profile with checkpoints of its own, whose node API is not known. */
    public NetworkProfile(String name, Long chainId, List<String> rpc, HeaderFormat headerFormat, String explorer,
                          String hub, String fileStore, String blobStore, List<String> nodes,
                          NetworkContracts contracts, long fromBlock, List<String> trustRoots, boolean demo,
                          List<String> checkpoints) {
        this(name, chainId, rpc, headerFormat, explorer, hub, fileStore, blobStore, nodes, contracts, fromBlock,
                trustRoots, demo, checkpoints, null);
    }

    /** A profile without checkpoints of its own, with this node API. */
    public NetworkProfile(String name, Long chainId, List<String> rpc, HeaderFormat headerFormat, String explorer,
                          String hub, String fileStore, String blobStore, List<String> nodes,
                          NetworkContracts contracts, long fromBlock, List<String> trustRoots, boolean demo,
                          String nodeApi) {
        this(name, chainId, rpc, headerFormat, explorer, hub, fileStore, blobStore, nodes, contracts, fromBlock,
                trustRoots, demo, List.of(), nodeApi);
    }

    /** A profile without checkpoints of its own, whose node API is not known. */
    public NetworkProfile(String name, Long chainId, List<String> rpc, HeaderFormat headerFormat, String explorer,
                          String hub, String fileStore, String blobStore, List<String> nodes,
                          NetworkContracts contracts, long fromBlock, List<String> trustRoots, boolean demo) {
        this(name, chainId, rpc, headerFormat, explorer, hub, fileStore, blobStore, nodes, contracts, fromBlock,
                trustRoots, demo, List.of(), null);
    }

    public static final String DEFAULT_NAME = "custom";

    /** Nothing configured yet. */
    public static final NetworkProfile EMPTY = new NetworkProfile(DEFAULT_NAME, null, List.of(), HeaderFormat.ETHEREUM,
            null, null, null, null, List.of(), NetworkContracts.NONE, 0, List.of(), false, List.of(), null);

    public NetworkProfile {
        name = name == null || name.isBlank() ? DEFAULT_NAME : name.strip();
        rpc = rpc == null ? List.of() : List.copyOf(rpc);
        headerFormat = headerFormat == null ? HeaderFormat.ETHEREUM : headerFormat;
        explorer = blankToNull(explorer);
        hub = blankToNull(hub);
        fileStore = blankToNull(fileStore);
        blobStore = blankToNull(blobStore);
        nodeApi = blankToNull(nodeApi);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        contracts = contracts == null ? NetworkContracts.NONE : contracts;
        trustRoots = trustRoots == null ? List.of() : List.copyOf(trustRoots);
        checkpoints = canonical(checkpoints);
        if (chainId != null && chainId <= 0) {
            throw new IllegalArgumentException("chainId: " + chainId + " is not a positive whole number");
        }
        if (fromBlock < 0) {
            throw new IllegalArgumentException("fromBlock: " + fromBlock + " is below 0");
        }
    }

    /**
     * Each checkpoint as {@code N:0xHASH} in lower case, once; two different hashes for one block are refused.
     *
     * @throws IllegalArgumentException naming the entry ({@code checkpoints[i]}) and what is wrong with it
     */
    private static List<String> canonical(List<String> texts) {
        if (texts == null) {
            return List.of();
        }
        java.util.Map<Long, CheckpointText> byBlock = new java.util.LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            CheckpointText c;
            try {
                c = CheckpointText.parse(texts.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("checkpoints[" + i + "]: " + e.getMessage(), e);
            }
            CheckpointText before = byBlock.putIfAbsent(c.number(), c);
            if (before != null && !before.equals(c)) {
                throw new IllegalArgumentException("checkpoints[" + i + "]: block " + c.number()
                        + " is already pinned to " + before.hash() + ", not " + c.hash());
            }
        }
        return byBlock.values().stream().map(CheckpointText::toString).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Where model files are fetched: the file store, or the hub when the network names no separate one. */
    public String fileStoreOrHub() {
        return fileStore != null ? fileStore : hub;
    }

    /** The first RPC endpoint (what verification reads), or null when none is configured. */
    public String firstRpc() {
        return rpc.isEmpty() ? null : rpc.getFirst();
    }

    /** "name (first RPC)", for task titles and run summaries. */
    public String describe() {
        return firstRpc() == null ? name : name + " (" + firstRpc() + ")";
    }

    public NetworkProfile withTrustRoots(List<String> roots) {
        return new NetworkProfile(name, chainId, rpc, headerFormat, explorer, hub, fileStore, blobStore, nodes,
                contracts, fromBlock, roots, demo, checkpoints, nodeApi);
    }

    /** The same network with these checkpoints ({@code N:0xHASH} each) instead of its own. */
    public NetworkProfile withCheckpoints(List<String> pinned) {
        return new NetworkProfile(name, chainId, rpc, headerFormat, explorer, hub, fileStore, blobStore, nodes,
                contracts, fromBlock, trustRoots, demo, pinned, nodeApi);
    }

    public NetworkProfile withChainId(Long id) {
        return new NetworkProfile(name, id, rpc, headerFormat, explorer, hub, fileStore, blobStore, nodes, contracts,
                fromBlock, trustRoots, demo, checkpoints, nodeApi);
    }

    /** The same network reached through these endpoints and contracts (what a sync was actually given). */
    public NetworkProfile withSources(List<String> rpcUrls, String hubUrl, String fileStoreUrl, String blobStoreUrl,
                                      NetworkContracts addresses, long firstBlock) {
        return new NetworkProfile(name, chainId, rpcUrls, headerFormat, explorer, hubUrl, fileStoreUrl, blobStoreUrl,
                nodes, addresses, firstBlock, trustRoots, demo, checkpoints, nodeApi);
    }

    public NetworkProfile withNodeApi(String url) {
        return new NetworkProfile(name, chainId, rpc, headerFormat, explorer, hub, fileStore, blobStore, nodes,
                contracts, fromBlock, trustRoots, demo, checkpoints, url);
    }

    /**
     * What a sync of this network says when it reads an inference precompile but cannot fetch the results the chain
     * does not hold (no node API named); empty otherwise.
     */
    public java.util.Optional<String> precompileWithoutNodeApi() {
        return contracts.precompile().isEmpty() || nodeApi != null ? java.util.Optional.empty()
                : java.util.Optional.of("the inference precompile " + String.join(", ", contracts.precompile())
                + " is read, but results it ran asynchronously are not fetched: the network names no node API "
                + "(profile key nodeApi); such records are stored without outputs, with the reason");
    }
}
