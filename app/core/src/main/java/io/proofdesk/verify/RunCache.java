package io.proofdesk.verify;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Computes a value once per key for one verification run, even when many threads ask at once (one attestation
 * per TEE, one model download per CID): the first asker computes, the others wait for its answer.
 */
public final class RunCache<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();

    /** {@code compute} must not throw; it turns its failures into values. */
    public V get(K key, Supplier<V> compute) {
        CompletableFuture<V> known = values.get(key);
        if (known != null) {  // the common case in a run: no future made, no insert tried
            return known.join();
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = values.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.join();
        }
        try {
            mine.complete(compute.get());
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }

    public int size() {
        return values.size();
    }
}
