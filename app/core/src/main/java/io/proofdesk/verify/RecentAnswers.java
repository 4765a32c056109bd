package io.proofdesk.verify;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Answers a verification run got from the network, shared by the records that need the same one (a receipt serves
 * every log of its transaction, a block hash every record of its block, a batch blob all its leaves). Like
 * {@link RunCache} the first asker computes and concurrent askers wait for its answer; unlike it, the answers held
 * are bounded by a weight budget (least recently used go first, and are fetched again if asked for again), and an
 * answer {@code keep} rejects (a source that could not be reached) is handed to its waiters but not kept, so the
 * next record asks again. Nothing here outlives the run.
 */
public final class RecentAnswers<K, V> {

    private static final long COMPUTING = -1;

    private final long budget;
    private final ToLongFunction<V> weight;
    private final Predicate<V> keep;
    // access order: iteration starts at the least recently used entry
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long held;

    private static final class Entry<V> {
        final CompletableFuture<V> answer = new CompletableFuture<>();
        long weight = COMPUTING;
    }

    /**
     * @param budget total weight of the answers held; one answer heavier than this is handed out, then dropped
     * @param weight an answer's weight (for example its size in bytes), at least 0
     * @param keep   whether an answer may serve later askers
     */
    public RecentAnswers(long budget, ToLongFunction<V> weight, Predicate<V> keep) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must be >= 0, was " + budget);
        }
        this.budget = budget;
        this.weight = weight;
        this.keep = keep;
    }

    /**
     * The held answer for {@code key}, or {@code compute}'s. {@code compute} must not throw; it turns failures into
     * values.
     */
    public V get(K key, Supplier<V> compute) {
        Entry<V> entry;
        boolean mine;
        synchronized (this) {
            entry = entries.get(key);
            mine = entry == null;
            if (mine) {
                entry = new Entry<>();
                entries.put(key, entry);
            }
        }
        if (!mine) {
            return entry.answer.join();
        }
        V value;
        try {
            value = compute.get();
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                entries.remove(key, entry);
            }
            entry.answer.completeExceptionally(e);
            throw e;
        }
        synchronized (this) {
            if (keep.test(value)) {
                settle(entry, value);  // an entry in flight is never evicted, so it is still in the map
            } else {
                entries.remove(key, entry);
            }
        }
        entry.answer.complete(value);
        return value;
    }

    /**
     * Computes together the answers for those {@code keys} that are neither held nor being computed (a prefetch: one
     * request for several answers), without waiting for the others. {@code compute} gets those keys and must return
     * an answer for each; like {@link #get}'s it must not throw.
     */
    public void computeAbsent(Collection<K> keys, Function<List<K>, Map<K, V>> compute) {
        Map<K, Entry<V>> mine = new LinkedHashMap<>();
        synchronized (this) {
            for (K key : keys) {
                if (!entries.containsKey(key)) {
                    Entry<V> entry = new Entry<>();
                    entries.put(key, entry);
                    mine.put(key, entry);
                }
            }
        }
        if (mine.isEmpty()) {
            return;
        }
        Map<K, V> values;
        try {
            values = compute.apply(List.copyOf(mine.keySet()));
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                mine.forEach(entries::remove);
            }
            mine.values().forEach(entry -> entry.answer.completeExceptionally(e));
            throw e;
        }
        mine.forEach((key, entry) -> {
            V value = values.get(key);
            synchronized (this) {
                if (value != null && keep.test(value)) {
                    settle(entry, value);
                } else {
                    entries.remove(key, entry);
                }
            }
            if (value == null) {
                entry.answer.completeExceptionally(new IllegalStateException("no answer was computed for " + key));
            } else {
                entry.answer.complete(value);
            }
        });
    }

    /** The answer held for {@code key} if there is one and it is complete; never computes or waits. */
    public synchronized Optional<V> peek(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null || entry.weight == COMPUTING) {
            return Optional.empty();
        }
        return Optional.of(entry.answer.join());
    }

    /** Answers held now (for tests and statistics). */
    public synchronized int size() {
        return entries.size();
    }

    /** Total weight held now. */
    public synchronized long weightHeld() {
        return held;
    }

    private void settle(Entry<V> entry, V value) {
        entry.weight = Math.max(0, weight.applyAsLong(value));
        held += entry.weight;
        Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
        while (held > budget && it.hasNext()) {
            Entry<V> e = it.next().getValue();
            if (e.weight != COMPUTING) {
                held -= e.weight;
                it.remove();
            }
        }
    }
}
