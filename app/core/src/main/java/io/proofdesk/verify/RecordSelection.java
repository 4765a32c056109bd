package io.proofdesk.verify;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.Page;
import io.proofdesk.store.PageKey;
import io.proofdesk.store.Store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Which records a batch verifies: given ids, a seeded sample of N per model or per node, or everything. */
public sealed interface RecordSelection {

    int PAGE = 1000;

    record Ids(List<RecordId> ids) implements RecordSelection {
        public Ids {
            ids = List.copyOf(ids);
        }
    }

    /** Up to {@code perGroup} records of each model (or node), chosen by reservoir sampling from {@code seed}. */
    record Sample(int perGroup, SampleGroup by, long seed) implements RecordSelection {
        public Sample {
            if (perGroup < 1) {
                throw new IllegalArgumentException("a sample needs at least 1 record per " + by);
            }
            Objects.requireNonNull(by, "by");
        }
    }

    record All() implements RecordSelection {
    }

    enum SampleGroup {
        MODEL, NODE
    }

    /** The selected ids: given ones as given, everything in chain order, a sample in a stable (id) order. */
    default List<RecordId> resolve(Store store) {
        return switch (this) {
            case Ids ids -> ids.ids();
            case All all -> scan(store, r -> "", Integer.MAX_VALUE, 0);
            case Sample s -> scan(store, s.by() == SampleGroup.MODEL ? Inference::model
                    : r -> r.teeId() != null ? r.teeId() : r.nodeUrl() != null ? r.nodeUrl() : "", s.perGroup(), s.seed());
        };
    }

    private static List<RecordId> scan(Store store, Function<Inference, String> group, int perGroup, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<RecordId>> reservoirs = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        List<RecordId> ordered = new ArrayList<>();
        InferenceQuery q = InferenceQuery.all().sortedBy(InferenceSort.BLOCK_ASC);
        PageKey after = null;
        do {
            PageKey from = after;
            Page<Inference> page = store.read(tx -> tx.inferences().page(q, from, PAGE));
            for (Inference r : page.items()) {
                if (perGroup == Integer.MAX_VALUE) {
                    ordered.add(r.id());
                    continue;
                }
                String g = group.apply(r);
                long n = seen.merge(g, 1L, Long::sum);
                List<RecordId> res = reservoirs.computeIfAbsent(g, k -> new ArrayList<>());
                if (res.size() < perGroup) {
                    res.add(r.id());
                } else {
                    long j = random.nextLong(n);
                    if (j < perGroup) {
                        res.set((int) j, r.id());
                    }
                }
            }
            after = page.next();
        } while (after != null);
        if (perGroup == Integer.MAX_VALUE) {
            return ordered;
        }
        return reservoirs.values().stream().flatMap(List::stream)
                .sorted(java.util.Comparator.comparing(RecordId::txHash).thenComparingLong(RecordId::logIndex)
                        .thenComparing(id -> id.leafIndex() == null ? -1 : id.leafIndex()))
                .toList();
    }
}
