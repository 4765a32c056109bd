package io.proofdesk.ui.network;

import java.time.Instant;

/**
 * What one probe of one endpoint found: for RPCs the chain id and head block, for others only reachability;
 * latency of the answer; or the reason it failed ({@code error} non-null, the rest null).
 */
public record ProbeResult(ProbeTarget target, Long chainId, Long headBlock, Long latencyMs, String error,
                          Instant at) {

    public boolean ok() {
        return error == null;
    }

    public static ProbeResult failed(ProbeTarget target, String error, Instant at) {
        return new ProbeResult(target, null, null, null, error, at);
    }
}
