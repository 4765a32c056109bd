package io.proofdesk.chain.sync;

import io.proofdesk.network.HeaderFormat;
import io.proofdesk.network.NetworkProfile;
import io.proofdesk.network.TrustRootFiles;

import java.util.List;
import java.util.Objects;

/**
 * What to sync from where. {@code rpcUrls}: one or more JSON-RPC endpoints of the same chain (the first healthy one
 * is read; with two or more, their head hashes are cross-checked). {@code expectedChainId}: null to accept the
 * endpoints' chain (the store still refuses a chain other than the one it was first synced from).
 * {@code hubUrl}/{@code fileStoreUrl}/{@code blobStoreUrl}: null when not available (records are then stored
 * without what those would give, with a reason). {@code fromBlock}: where a fresh store starts.
 * {@code follow}: keep polling the head about every {@code pollMillis} after catching up, until cancelled.
 * {@code profile}: the network these endpoints belong to (its name, explorer, nodes and trust roots as PEM text), which
 * the sync records in the store with the endpoints and contracts it was actually given; null for an unnamed one.
 * {@code explorers}: block explorers whose getLogs API ({@link ExplorerLogSource}) is one more source of each range's
 * logs, counted in the {@code quorum} beside the endpoints.
 */
public record SyncConfig(List<String> rpcUrls, Long expectedChainId, ContractAddresses contracts, String hubUrl,
                         String fileStoreUrl, String blobStoreUrl, long fromBlock, boolean follow, long pollMillis,
                         int keptBlockHashes, SyncLimits limits, NetworkProfile profile,
                         List<io.proofdesk.chain.proof.Checkpoint> checkpoints, int quorum, List<String> explorers) {

    /** Without explorers. */
    public SyncConfig(List<String> rpcUrls, Long expectedChainId, ContractAddresses contracts, String hubUrl,
                      String fileStoreUrl, String blobStoreUrl, long fromBlock, boolean follow, long pollMillis,
                      int keptBlockHashes, SyncLimits limits, NetworkProfile profile,
                      List<io.proofdesk.chain.proof.Checkpoint> checkpoints, int quorum) {
        this(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, follow, pollMillis,
                keptBlockHashes, limits, profile, checkpoints, quorum, List.of());
    }

    /** A sync of {@code profile} without pinned checkpoints, the quorum being every endpoint. */
    public SyncConfig(List<String> rpcUrls, Long expectedChainId, ContractAddresses contracts, String hubUrl,
                      String fileStoreUrl, String blobStoreUrl, long fromBlock, boolean follow, long pollMillis,
                      int keptBlockHashes, SyncLimits limits, NetworkProfile profile) {
        this(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, follow, pollMillis,
                keptBlockHashes, limits, profile, List.of(), 0);
    }

    /** A sync of endpoints that belong to no named network. */
    public SyncConfig(List<String> rpcUrls, Long expectedChainId, ContractAddresses contracts, String hubUrl,
                      String fileStoreUrl, String blobStoreUrl, long fromBlock, boolean follow, long pollMillis,
                      int keptBlockHashes, SyncLimits limits) {
        this(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, follow, pollMillis,
                keptBlockHashes, limits, null);
    }

    /**
     * A sync of {@code network}, whose trust roots must already be PEM text ({@link TrustRootFiles#resolve}); its
     * {@code checkpoints} are pinned and its {@code explorer} is asked as one more source of each range's logs: its
     * agreement raises unproved records to AGREED, its disagreement is a warning, but the quorum is the endpoints.
     *
     * @throws IllegalArgumentException when the profile has no RPC endpoint or no contract
     */
    public static SyncConfig of(NetworkProfile network, boolean follow, long pollMillis, int keptBlockHashes,
                                SyncLimits limits) {
        if (network.trustRoots().stream().anyMatch(r -> !TrustRootFiles.isPem(r))) {
            throw new IllegalArgumentException("the trust roots of " + network.name() + " must be read before a sync");
        }
        return new SyncConfig(network.rpc(), network.chainId(), ContractAddresses.of(network.contracts()),
                network.hub(), network.fileStore(), network.blobStore(), network.fromBlock(), follow, pollMillis,
                keptBlockHashes, limits, network,
                network.checkpoints().stream().map(io.proofdesk.chain.proof.Checkpoint::parse).toList(),
                // the profile's explorer votes but is not required: a public explorer that is down, rate-limited or
                // without the API must not stop every sync of the network (--explorer and --quorum make it count)
                network.explorer() == null ? 0 : network.rpc().size(),
                network.explorer() == null ? List.of() : List.of(network.explorer()));
    }

    public SyncConfig {
        rpcUrls = List.copyOf(rpcUrls);
        if (rpcUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one RPC endpoint is needed");
        }
        rpcUrls.forEach(io.proofdesk.chain.UnsupportedRpcUrlException::check);
        Objects.requireNonNull(contracts, "contracts");
        Objects.requireNonNull(limits, "limits");
        if (fromBlock < 0 || pollMillis < 10 || keptBlockHashes < 2) {
            throw new IllegalArgumentException("fromBlock must be >= 0, pollMillis >= 10 and keptBlockHashes >= 2");
        }
        fileStoreUrl = fileStoreUrl == null ? hubUrl : fileStoreUrl;
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
        explorers = explorers == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(explorers));
        explorers.forEach(io.proofdesk.chain.UnsupportedExplorerUrlException::check);
        if (quorum < 0 || quorum > rpcUrls.size() + explorers.size()) {
            throw new IllegalArgumentException("a quorum of " + quorum + " sources cannot be met by the "
                    + rpcUrls.size() + " endpoint(s) and " + explorers.size() + " explorer(s) given");
        }
    }

    /**
     * The client of the profile's node API (key {@code nodeApi}), which answers the inference precompile's asynchronous
     * results; null when the sync reads no precompile or the profile names no node API.
     */
    public io.proofdesk.node.NodeApiClient nodeApi() {
        return contracts.precompile() == null || profile == null || profile.nodeApi() == null ? null
                : new io.proofdesk.node.NodeApiClient(profile.nodeApi());
    }

    /** The network's header format (Ethereum's unless a profile says otherwise). */
    public HeaderFormat headerFormat() {
        return profile == null ? HeaderFormat.ETHEREUM : profile.headerFormat();
    }

    /** How many sources (endpoints and explorers) must agree on each range: the quorum given, else every one. */
    public int effectiveQuorum() {
        return quorum == 0 ? rpcUrls.size() + explorers.size() : quorum;
    }

    /** With these block explorers as sources of each range's logs besides the endpoints (replacing any before). */
    public SyncConfig withExplorers(List<String> urls) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock,
                follow, pollMillis, keptBlockHashes, limits, profile, checkpoints,
                Math.min(quorum, rpcUrls.size() + (urls == null ? 0 : urls.size())), urls);
    }

    /** With these checkpoints pinned (beside the store's genesis). */
    public SyncConfig withCheckpoints(List<io.proofdesk.chain.proof.Checkpoint> pinned) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock,
                follow, pollMillis, keptBlockHashes, limits, profile, pinned, quorum, explorers);
    }

    /** With {@code k} endpoints (0: all) required to agree on each range. */
    public SyncConfig withQuorum(int k) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock,
                follow, pollMillis, keptBlockHashes, limits, profile, checkpoints, k, explorers);
    }

    /** One endpoint, catch up once, default limits. */
    public static SyncConfig of(String rpcUrl, Long chainId, ContractAddresses contracts, String hubUrl,
                                String blobStoreUrl) {
        return new SyncConfig(List.of(rpcUrl), chainId, contracts, hubUrl, hubUrl, blobStoreUrl, 0, false, 1000, 256,
                SyncLimits.DEFAULT);
    }

    public SyncConfig withRpcUrls(List<String> urls) {
        return new SyncConfig(urls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, follow,
                pollMillis, keptBlockHashes, limits, profile, checkpoints,
                Math.min(quorum, urls.size() + explorers.size()), explorers);
    }

    public SyncConfig withLimits(SyncLimits l) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock,
                follow, pollMillis, keptBlockHashes, l, profile, checkpoints, quorum, explorers);
    }

    public SyncConfig withFollow(boolean f, long pollEveryMillis) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, f,
                pollEveryMillis, keptBlockHashes, limits, profile, checkpoints, quorum, explorers);
    }

    public SyncConfig withFromBlock(long block) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, block, follow,
                pollMillis, keptBlockHashes, limits, profile, checkpoints, quorum, explorers);
    }

    /** The same endpoints read as the network {@code p} says (its header format, name and trust roots). */
    public SyncConfig withProfile(NetworkProfile p) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, follow,
                pollMillis, keptBlockHashes, limits, p, checkpoints, quorum, explorers);
    }

    public SyncConfig withExpectedChainId(Long id) {
        return new SyncConfig(rpcUrls, id, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, follow,
                pollMillis, keptBlockHashes, limits, profile, checkpoints, quorum, explorers);
    }

    /** What the store records after this sync: the profile with the endpoints, contracts and chain it really used. */
    public NetworkProfile recorded(long chainId) {
        NetworkProfile base = profile != null ? profile : NetworkProfile.EMPTY;
        return base.withSources(rpcUrls, hubUrl, fileStoreUrl, blobStoreUrl, contracts.toContracts(), fromBlock)
                .withChainId(chainId);
    }
}
