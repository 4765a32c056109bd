package io.proofdesk.ui.network;

/** The fields of the network settings form; a problem names the one it is about (the string key names it for people). */
public enum NetworkField {
    DEMO_SIZE("network.field.demoSize"),
    RPC_URLS("network.field.rpcUrls"),
    HUB_URL("network.field.hubUrl"),
    FILE_STORE_URL("network.field.fileStoreUrl"),
    BLOB_STORE_URL("network.field.blobStoreUrl"),
    TEE_REGISTRY("network.field.teeRegistry"),
    SETTLEMENT_RELAY("network.field.settlementRelay"),
    INFERENCE("network.field.inference"),
    CHAIN_ID("network.field.chainId");

    private final String labelKey;

    NetworkField(String labelKey) {
        this.labelKey = labelKey;
    }

    public String labelKey() {
        return labelKey;
    }
}
