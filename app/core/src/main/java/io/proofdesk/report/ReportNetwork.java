package io.proofdesk.report;

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
}
