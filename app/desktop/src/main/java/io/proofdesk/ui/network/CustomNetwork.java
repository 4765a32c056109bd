package io.proofdesk.ui.network;

import java.util.List;

/**
 * Endpoints of a real network as the user configured them. Blank optional URLs are null; {@code chainId} null means
 * "accept the endpoints' chain". Contract addresses are 0x-prefixed 20-byte hex (null when not read).
 */
public record CustomNetwork(List<String> rpcUrls, String hubUrl, String fileStoreUrl, String blobStoreUrl,
                            String teeRegistry, String settlementRelay, String inference, Long chainId) {

    public static final CustomNetwork EMPTY = new CustomNetwork(List.of(), null, null, null, null, null, null, null);

    public CustomNetwork {
        rpcUrls = rpcUrls == null ? List.of() : List.copyOf(rpcUrls);
    }
}
