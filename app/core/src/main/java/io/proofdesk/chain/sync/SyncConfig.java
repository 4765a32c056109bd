package io.proofdesk.chain.sync;

import java.util.List;
import java.util.Objects;

/**
 * What to sync from where. {@code rpcUrls}: one or more JSON-RPC endpoints of the same chain (the first healthy one
 * is read; with two or more, their head hashes are cross-checked). {@code expectedChainId}: null to accept the
 * endpoints' chain (the store still refuses a chain other than the one it was first synced from).
 * {@code hubUrl}/{@code fileStoreUrl}/{@code blobStoreUrl}: null when not available (records are then stored
 * without what those would give, with a reason). {@code fromBlock}: where a fresh store starts.
 * {@code follow}: keep polling the head about every {@code pollMillis} after catching up, until cancelled.
 */
public record SyncConfig(List<String> rpcUrls, Long expectedChainId, ContractAddresses contracts, String hubUrl,
                         String fileStoreUrl, String blobStoreUrl, long fromBlock, boolean follow, long pollMillis,
                         int keptBlockHashes, SyncLimits limits) {

    public SyncConfig {
        rpcUrls = List.copyOf(rpcUrls);
        if (rpcUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one RPC endpoint is needed");
        }
        Objects.requireNonNull(contracts, "contracts");
        Objects.requireNonNull(limits, "limits");
        if (fromBlock < 0 || pollMillis < 10 || keptBlockHashes < 2) {
            throw new IllegalArgumentException("fromBlock must be >= 0, pollMillis >= 10 and keptBlockHashes >= 2");
        }
        fileStoreUrl = fileStoreUrl == null ? hubUrl : fileStoreUrl;
    }

    /** One endpoint, catch up once, default limits. */
    public static SyncConfig of(String rpcUrl, Long chainId, ContractAddresses contracts, String hubUrl,
                                String blobStoreUrl) {
        return new SyncConfig(List.of(rpcUrl), chainId, contracts, hubUrl, hubUrl, blobStoreUrl, 0, false, 1000, 256,
                SyncLimits.DEFAULT);
    }

    public SyncConfig withRpcUrls(List<String> urls) {
        return new SyncConfig(urls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, follow,
                pollMillis, keptBlockHashes, limits);
    }

    public SyncConfig withLimits(SyncLimits l) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock,
                follow, pollMillis, keptBlockHashes, l);
    }

    public SyncConfig withFollow(boolean f, long pollEveryMillis) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, f,
                pollEveryMillis, keptBlockHashes, limits);
    }

    public SyncConfig withFromBlock(long block) {
        return new SyncConfig(rpcUrls, expectedChainId, contracts, hubUrl, fileStoreUrl, blobStoreUrl, block, follow,
                pollMillis, keptBlockHashes, limits);
    }

    public SyncConfig withExpectedChainId(Long id) {
        return new SyncConfig(rpcUrls, id, contracts, hubUrl, fileStoreUrl, blobStoreUrl, fromBlock, follow,
                pollMillis, keptBlockHashes, limits);
    }
}
