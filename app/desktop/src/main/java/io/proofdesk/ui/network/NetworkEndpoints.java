package io.proofdesk.ui.network;

import io.proofdesk.devnet.DevnetManifest;
import io.proofdesk.network.NetworkProfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Proofdesk connects to right now, whichever mode it came from: the network's profile with its trust roots
 * already read (PEM text), the nodes known before a sync has read them from the registry (on a demo network with
 * their labelled behaviour), and whether it is the embedded demo network this app started.
 */
public record NetworkEndpoints(NetworkProfile profile, List<KnownNode> nodes, boolean embedded) {

    /** Contract names as devnet.json and reports use them. */
    public static final String TEE_REGISTRY = DevnetManifest.TEE_REGISTRY;
    public static final String SETTLEMENT_RELAY = DevnetManifest.SETTLEMENT_RELAY;
    public static final String INFERENCE = DevnetManifest.INFERENCE;
    public static final String INFERENCE_JSONS = DevnetManifest.INFERENCE_JSONS;

    /** A node known before any sync: its URL and, on a demo network, its TEE id and labelled behaviour. */
    public record KnownNode(String url, String teeId, String behaviour) {
    }

    public NetworkEndpoints {
        Objects.requireNonNull(profile, "profile");
        nodes = List.copyOf(nodes);
    }

    /** A devnet's manifest; {@code profile} is its profile with the demo root read. */
    public static NetworkEndpoints of(DevnetManifest m, NetworkProfile profile, boolean embedded) {
        return new NetworkEndpoints(profile, m.nodes().stream()
                .map(n -> new KnownNode(n.url(), n.teeId(), n.behaviour())).toList(), embedded);
    }

    /** A configured network whose trust roots are read; its node URLs are the known nodes. */
    public static NetworkEndpoints of(NetworkProfile profile) {
        return new NetworkEndpoints(profile, profile.nodes().stream().map(u -> new KnownNode(u, null, null)).toList(),
                false);
    }

    /** A Proofdesk demo network (embedded or imported): its demo root is trusted for it alone. */
    public boolean demo() {
        return profile.demo();
    }

    public Long chainId() {
        return profile.chainId();
    }

    public List<String> rpcUrls() {
        return profile.rpc();
    }

    public String hubUrl() {
        return profile.hub();
    }

    public String fileStoreUrl() {
        return profile.fileStore();
    }

    public String blobStoreUrl() {
        return profile.blobStore();
    }

    /** The network's block explorer base URL, or null when it has none configured. */
    public String explorerUrl() {
        return profile.explorer();
    }

    /** The contracts by devnet.json's names (TEERegistry, InferenceSettlementRelay, Inference, InferenceJsons). */
    public Map<String, String> contracts() {
        Map<String, String> m = new LinkedHashMap<>();
        putAt(m, TEE_REGISTRY, profile.contracts().registry(), 0);
        putAt(m, SETTLEMENT_RELAY, profile.contracts().relay(), 0);
        putAt(m, INFERENCE, profile.contracts().inference(), 0);
        putAt(m, INFERENCE_JSONS, profile.contracts().inference(), 1);
        return Map.copyOf(m);
    }

    private static void putAt(Map<String, String> map, String key, List<String> values, int index) {
        if (values.size() > index) {
            map.put(key, values.get(index));
        }
    }

    /** Every endpoint to probe, RPCs first; the file store is left out when it is the hub itself. */
    public List<ProbeTarget> probeTargets() {
        List<ProbeTarget> out = new ArrayList<>();
        rpcUrls().forEach(u -> out.add(new ProbeTarget(ProbeTarget.Kind.RPC, u)));
        if (hubUrl() != null) {
            out.add(new ProbeTarget(ProbeTarget.Kind.HUB, hubUrl()));
        }
        if (fileStoreUrl() != null && !fileStoreUrl().equals(hubUrl())) {
            out.add(new ProbeTarget(ProbeTarget.Kind.FILE_STORE, fileStoreUrl()));
        }
        if (blobStoreUrl() != null) {
            out.add(new ProbeTarget(ProbeTarget.Kind.BLOB_STORE, blobStoreUrl()));
        }
        return out;
    }

    /** Lower-case contract addresses: the sync's checkpoint sources. */
    public List<String> contractAddresses() {
        return profile.contracts().all();
    }
}
