package io.proofdesk.ui.network;

import io.proofdesk.network.NetworkProfile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The network settings as typed, before validation: the chosen mode and the text of every field (lists one entry
 * per line). {@link NetworkForm} turns a draft into a {@link NetworkConfig} or a list of sentences.
 */
public record NetworkDraft(NetworkMode mode, Map<NetworkField, String> texts) {

    public NetworkDraft {
        Map<NetworkField, String> all = new EnumMap<>(NetworkField.class);
        for (NetworkField f : NetworkField.values()) {
            String t = texts == null ? null : texts.get(f);
            all.put(f, t == null ? "" : t);
        }
        texts = Map.copyOf(all);
    }

    /** The text of {@code field}, "" when empty. */
    public String text(NetworkField field) {
        return texts.get(field);
    }

    public NetworkDraft with(NetworkField field, String text) {
        Map<NetworkField, String> next = new EnumMap<>(texts);
        next.put(field, text);
        return new NetworkDraft(mode, next);
    }

    public NetworkDraft withMode(NetworkMode m) {
        return new NetworkDraft(m, texts);
    }

    /** The draft that shows a saved configuration. */
    public static NetworkDraft of(NetworkConfig config) {
        Map<NetworkField, String> t = new EnumMap<>(NetworkField.class);
        t.put(NetworkField.DEMO_SIZE, Integer.toString(config.demoInferences()));
        t.put(NetworkField.DEVNET_FILE, text(config.devnetFile()));
        t.putAll(customTexts(config.custom()));
        return new NetworkDraft(config.mode(), t);
    }

    /** This draft with Custom endpoints chosen and every custom field showing {@code profile} (nothing else kept). */
    public NetworkDraft withCustom(NetworkProfile profile) {
        Map<NetworkField, String> next = new EnumMap<>(texts);
        next.putAll(customTexts(profile));
        return new NetworkDraft(NetworkMode.CUSTOM, next);
    }

    private static Map<NetworkField, String> customTexts(NetworkProfile c) {
        Map<NetworkField, String> t = new EnumMap<>(NetworkField.class);
        t.put(NetworkField.NAME, c.name().equals(NetworkProfile.DEFAULT_NAME) ? "" : c.name());
        t.put(NetworkField.RPC_URLS, lines(c.rpc()));
        t.put(NetworkField.CHAIN_ID, c.chainId() == null ? "" : c.chainId().toString());
        t.put(NetworkField.HEADER_FORMAT, c.headerFormat().key());
        t.put(NetworkField.HUB_URL, text(c.hub()));
        t.put(NetworkField.FILE_STORE_URL, text(c.fileStore()));
        t.put(NetworkField.BLOB_STORE_URL, text(c.blobStore()));
        t.put(NetworkField.NODE_URLS, lines(c.nodes()));
        t.put(NetworkField.TEE_REGISTRY, lines(c.contracts().registry()));
        t.put(NetworkField.SETTLEMENT_RELAY, lines(c.contracts().relay()));
        t.put(NetworkField.INFERENCE, lines(c.contracts().inference()));
        t.put(NetworkField.PRECOMPILE, lines(c.contracts().precompile()));
        t.put(NetworkField.NODE_API, text(c.nodeApi()));
        t.put(NetworkField.EXPLORER_URL, text(c.explorer()));
        t.put(NetworkField.FROM_BLOCK, c.fromBlock() == 0 ? "" : Long.toString(c.fromBlock()));
        t.put(NetworkField.TRUST_ROOTS, lines(c.trustRoots()));
        t.put(NetworkField.CHECKPOINTS, lines(c.checkpoints()));
        return t;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }
}
