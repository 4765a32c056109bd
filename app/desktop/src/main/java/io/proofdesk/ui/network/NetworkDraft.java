package io.proofdesk.ui.network;

/**
 * The network settings as typed, before validation: every field is the text of its input ({@code rpcUrls} one URL
 * per line). {@link NetworkForm} turns a draft into a {@link NetworkConfig} or a list of sentences.
 */
public record NetworkDraft(NetworkMode mode, String demoSize, String rpcUrls, String hubUrl, String fileStoreUrl,
                           String blobStoreUrl, String teeRegistry, String settlementRelay, String inference,
                           String chainId) {

    /** The draft that shows a saved configuration. */
    public static NetworkDraft of(NetworkConfig config) {
        CustomNetwork c = config.custom();
        return new NetworkDraft(config.mode(), Integer.toString(config.demoInferences()), String.join("\n", c.rpcUrls()),
                text(c.hubUrl()), text(c.fileStoreUrl()), text(c.blobStoreUrl()), text(c.teeRegistry()),
                text(c.settlementRelay()), text(c.inference()), c.chainId() == null ? "" : c.chainId().toString());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
