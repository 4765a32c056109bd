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
 */
public record SyncConfig(List<String> rpcUrls, Long expectedChainId, ContractAddresses contracts, String hubUrl,
                         String fileStoreUrl, String blobStoreUrl, long fromBlock, boolean follow, long pollMillis,
                         int keptBlockHashes, SyncLimits limits, NetworkProfile profile,
                         List<io.proofdesk.chain.proof.Checkpoint> checkpoints, int quorum) {

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
     * A sync of {@code network}, whose trust roots must already be PEM text ({@link TrustRootFiles#resolve}).
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
                keptBlockHashes, limits, network);
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
        if (quorum < 0 || quorum > rpcUrls.size()) {
            throw new IllegalArgumentException("a quorum of " + quorum + " endpoints cannot be met by the "
                    + rpcUrls.size() + " given");
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

    /** How many endpoints must agree on each range: the quorum given, else every endpoint. */
    public int effectiveQuorum() {
        return quorum == 0 ? rpcUrls.size() : quorum;
    }

    /** With these checkpoints pinned (beside the store's genesis). */
    public SyncConfig withCheckpoints(List<io.proofdesk.chain.proof.Checkpoint> pinned) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock,
                follow, pollMillis, keptBlockHashes, limits, profile, pinned, quorum);
    }

    /** With {@code k} endpoints (0: all) required to agree on each range. */
    public SyncConfig withQuorum(int k) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock,
                follow, pollMillis, keptBlockHashes, limits, profile, checkpoints, k);
    }

    /** One endpoint, catch up once, default limits. */
    public static SyncConfig of(String rpcUrl, Long chainId, ContractAddresses contracts, String hubUrl,
                                String blobStoreUrl) {
        return new SyncConfig(List.of(rpcUrl), chainId, contracts, hubUrl, hubUrl, blobStoreUrl, 0, false, 1000, 256,
                SyncLimits.DEFAULT);
    }

    public SyncConfig withRpcUrls(List<String> urls) {
        return new SyncConfig(urls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, follow,
                pollMillis, keptBlockHashes, limits, profile, checkpoints, Math.min(quorum, urls.size()));
    }

    public SyncConfig withLimits(SyncLimits l) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock,
                follow, pollMillis, keptBlockHashes, l, profile, checkpoints, quorum);
    }

    public SyncConfig withFollow(boolean f, long pollEveryMillis) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, f,
                pollEveryMillis, keptBlockHashes, limits, profile, checkpoints, quorum);
    }

    public SyncConfig withFromBlock(long block) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, block, follow,
                pollMillis, keptBlockHashes, limits, profile, checkpoints, quorum);
    }

    public SyncConfig withExpectedChainId(Long id) {
        return new SyncConfig(rpcUrls, id, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, follow,
                pollMillis, keptBlockHashes, limits, profile, checkpoints, quorum);
    }

    /** What the store records after this sync: the profile with the endpoints, contracts and chain it really used. */
    public NetworkProfile recorded(long chainId) {
        NetworkProfile base = profile != null ? profile : NetworkProfile.EMPTY;
        return base.withSources(rpcUrls, hubUrl, fileStoreUrl, blobStoreUrl, contracts.toContracts(), fromBlock)
                .withChainId(chainId);
    }
}
