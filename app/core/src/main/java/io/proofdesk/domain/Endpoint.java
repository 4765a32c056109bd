package io.proofdesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A configured endpoint and what Proofdesk last measured of it; {@code chainId} only for RPC endpoints.
 * Nullable: chainId, lastLatencyMs, lastError, lastSeen (never contacted yet).
 */
public record Endpoint(EndpointKind kind, String url, Long chainId, Long lastLatencyMs, String lastError,
                       Instant lastSeen) {

    public Endpoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
    }

    public static Endpoint of(EndpointKind kind, String url) {
        return new Endpoint(kind, url, null, null, null, null);
    }
}
