package io.proofdesk.report;

import io.proofdesk.network.NetworkProfile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The network the records come from: chain id, a name, whether it is the embedded demo network (whose attestation
 * root is trusted for it alone), contract addresses by name and endpoint URLs by kind ("rpc", "fileStore", ...).
 */
public record ReportNetwork(Long chainId, String name, boolean demo, Map<String, String> contracts,
                            Map<String, String> endpoints) {

    public ReportNetwork {
        contracts = contracts == null ? Map.of() : new TreeMap<>(contracts);
        endpoints = endpoints == null ? Map.of() : new TreeMap<>(endpoints);
    }

    public static ReportNetwork unknown() {
        return new ReportNetwork(null, "unknown", false, Map.of(), Map.of());
    }

    /** The embedded demo network, as its manifest describes it (the CLI's --devnet and the desktop's demo). */
    public static ReportNetwork demo(Long chainId, Map<String, String> contracts, String rpc, String fileStore,
                                     String blobStore) {
        return new ReportNetwork(chainId, "demo", true, contracts, endpoints(rpc, fileStore, blobStore));
    }

    /** A network known only by its endpoints. */
    public static ReportNetwork at(String rpc, String fileStore, String blobStore) {
        return at(null, Map.of(), rpc, fileStore, blobStore);
    }

    /** A configured network: its expected chain id and contracts (either may be unknown) and its endpoints. */
    public static ReportNetwork at(Long chainId, Map<String, String> contracts, String rpc, String fileStore,
                                   String blobStore) {
        return new ReportNetwork(chainId, "network at " + rpc, false, contracts, endpoints(rpc, fileStore, blobStore));
    }

    /**
     * A configured network: the demo network (its root trusted for it alone) or another, with its contracts named as
     * devnet.json names them (TEERegistry, InferenceSettlementRelay, Inference, InferenceJsons).
     */
    public static ReportNetwork of(NetworkProfile p) {
        Map<String, String> contracts = new LinkedHashMap<>();
        putFirst(contracts, "TEERegistry", p.contracts().registry(), 0);
        putFirst(contracts, "InferenceSettlementRelay", p.contracts().relay(), 0);
        putFirst(contracts, "Inference", p.contracts().inference(), 0);
        putFirst(contracts, "InferenceJsons", p.contracts().inference(), 1);
        return p.demo() ? demo(p.chainId(), contracts, p.firstRpc(), p.fileStoreOrHub(), p.blobStore())
                : at(p.chainId(), contracts, p.firstRpc(), p.fileStoreOrHub(), p.blobStore());
    }

    private static void putFirst(Map<String, String> map, String key, java.util.List<String> values, int index) {
        if (values.size() > index) {
            map.put(key, values.get(index));
        }
    }

    private static Map<String, String> endpoints(String rpc, String fileStore, String blobStore) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rpc", rpc);
        m.put("fileStore", fileStore);
        m.put("blobStore", blobStore);
        return m;
    }
}
