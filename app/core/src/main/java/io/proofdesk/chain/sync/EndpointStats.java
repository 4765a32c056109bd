package io.proofdesk.chain.sync;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What one endpoint did during a sync: calls, failures, the last latency and the last error. Thread-safe. */
public final class EndpointStats {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong lastLatencyMs = new AtomicLong(-1);
    private final AtomicReference<String> lastError = new AtomicReference<>();

    void succeeded(long latencyMs) {
        calls.incrementAndGet();
        lastLatencyMs.set(latencyMs);
        lastError.set(null);
    }

    void failed(String error) {
        calls.incrementAndGet();
        failures.incrementAndGet();
        lastError.set(error);
    }

    public long calls() {
        return calls.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Latency of the last successful call, or null before any. */
    public Long lastLatencyMs() {
        long v = lastLatencyMs.get();
        return v < 0 ? null : v;
    }

    /** The last call's error, or null if it succeeded. */
    public String lastError() {
        return lastError.get();
    }
}
