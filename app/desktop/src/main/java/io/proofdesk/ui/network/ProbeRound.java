package io.proofdesk.ui.network;

import java.util.List;
import java.util.Optional;

/** One pass over every endpoint and node, in the order they were asked. */
public record ProbeRound(List<ProbeResult> endpoints, List<ProbeResult> nodes) {

    public static final ProbeRound NONE = new ProbeRound(List.of(), List.of());

    public ProbeRound {
        endpoints = List.copyOf(endpoints);
        nodes = List.copyOf(nodes);
    }

    /** The highest head any RPC endpoint reported. */
    public Optional<Long> head() {
        return endpoints.stream().filter(r -> r.headBlock() != null).map(ProbeResult::headBlock).max(Long::compare);
    }

    /** The chain id the first answering RPC endpoint reported. */
    public Optional<Long> chainId() {
        return endpoints.stream().filter(r -> r.chainId() != null).map(ProbeResult::chainId).findFirst();
    }

    public Optional<ProbeResult> node(String url) {
        return nodes.stream().filter(r -> r.target().url().equals(url)).findFirst();
    }
}
