package io.proofdesk.ui.network;

/** The fields of the network settings form; a problem names the one it is about (the string key names it for people). */
public enum NetworkField {
    DEMO_SIZE("network.field.demoSize"),
    DEVNET_FILE("network.field.devnetFile"),
    NAME("network.field.name"),
    RPC_URLS("network.field.rpcUrls"),
    CHAIN_ID("network.field.chainId"),
    HUB_URL("network.field.hubUrl"),
    FILE_STORE_URL("network.field.fileStoreUrl"),
    BLOB_STORE_URL("network.field.blobStoreUrl"),
    NODE_URLS("network.field.nodeUrls"),
    TEE_REGISTRY("network.field.teeRegistry"),
    SETTLEMENT_RELAY("network.field.settlementRelay"),
    INFERENCE("network.field.inference"),
    EXPLORER_URL("network.field.explorerUrl"),
    FROM_BLOCK("network.field.fromBlock"),
    TRUST_ROOTS("network.field.trustRoots"),
    HEADER_FORMAT("network.field.headerFormat"),
    PRECOMPILE("network.field.precompile"),
    CHECKPOINTS("network.field.checkpoints"),
    NODE_API("network.field.nodeApi");

    private final String labelKey;

    NetworkField(String labelKey) {
        this.labelKey = labelKey;
    }

    public String labelKey() {
        return labelKey;
    }
}
