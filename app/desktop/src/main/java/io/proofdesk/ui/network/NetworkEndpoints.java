package io.proofdesk.ui.network;

import io.proofdesk.devnet.DevnetManifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Proofdesk connects to right now, whichever mode it came from: the RPC endpoints, the hub/file/blob stores,
 * the contracts (keyed as in devnet.json: TEERegistry, InferenceSettlementRelay, Inference), the expected chain id
 * and, for the demo, the nodes its manifest lists (before a sync has read them from the registry).
 */
public record NetworkEndpoints(boolean demo, Long chainId, List<String> rpcUrls, String hubUrl, String fileStoreUrl,
                               String blobStoreUrl, Map<String, String> contracts, List<KnownNode> nodes) {

    public static final String TEE_REGISTRY = "TEERegistry";
    public static final String SETTLEMENT_RELAY = "InferenceSettlementRelay";
    public static final String INFERENCE = "Inference";

    /** A node known before any sync: its URL, TEE id and, on the demo network, its labelled behaviour. */
    public record KnownNode(String url, String teeId, String behaviour) {
    }

    public NetworkEndpoints {
        rpcUrls = List.copyOf(rpcUrls);
        contracts = Map.copyOf(contracts);
        nodes = List.copyOf(nodes);
    }

    public static NetworkEndpoints of(DevnetManifest m) {
        return new NetworkEndpoints(true, m.chainId(), List.of(m.rpcUrl()), m.hubUrl(), m.fileStoreUrl(),
                m.blobStoreUrl(), m.contracts(),
                m.nodes().stream().map(n -> new KnownNode(n.url(), n.teeId(), n.behaviour())).toList());
    }

    public static NetworkEndpoints of(CustomNetwork c) {
        Map<String, String> contracts = new LinkedHashMap<>();
        putIfSet(contracts, TEE_REGISTRY, c.teeRegistry());
        putIfSet(contracts, SETTLEMENT_RELAY, c.settlementRelay());
        putIfSet(contracts, INFERENCE, c.inference());
        return new NetworkEndpoints(false, c.chainId(), c.rpcUrls(), c.hubUrl(), c.fileStoreUrl(), c.blobStoreUrl(),
                contracts, List.of());
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Every endpoint to probe, RPCs first; the file store is left out when it is the hub itself. */
    public List<ProbeTarget> probeTargets() {
        List<ProbeTarget> out = new ArrayList<>();
        rpcUrls.forEach(u -> out.add(new ProbeTarget(ProbeTarget.Kind.RPC, u)));
        if (hubUrl != null) {
            out.add(new ProbeTarget(ProbeTarget.Kind.HUB, hubUrl));
        }
        if (fileStoreUrl != null && !fileStoreUrl.equals(hubUrl)) {
            out.add(new ProbeTarget(ProbeTarget.Kind.FILE_STORE, fileStoreUrl));
        }
        if (blobStoreUrl != null) {
            out.add(new ProbeTarget(ProbeTarget.Kind.BLOB_STORE, blobStoreUrl));
        }
        return out;
    }

    /** Lower-case contract addresses: the sync's checkpoint sources. */
    public List<String> contractAddresses() {
        return contracts.values().stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }
}
