package io.proofdesk.store;

import static io.proofdesk.store.Fixtures.T0;
import static io.proofdesk.store.Fixtures.anInference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Paging, counting and summaries against an in-Java model of the same rows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InferencePagingTest {

    private static final int N = 900;

    private Store store;
    private final List<Inference> rows = new ArrayList<>();

    @BeforeAll
    void seed(@TempDir Path dir) {
        store = Store.open(new DataDirectory(dir));
        for (int i = 0; i < N; i++) {
            long block = 1000 + i / 5;
            // scrambled times with many ties, so time order differs from block order and needs the tie-break
            var b = anInference(i).block(block).time(T0.plusSeconds((i * 37L) % 200));
            if (i % 5 == 4) {
                for (int leaf = 0; leaf < 3; leaf++) {
                    rows.add(anInference(i).block(block).time(T0.plusSeconds((i * 37L + leaf) % 200)).batchLeaf(leaf).build());
                }
            } else if (i % 11 == 0) {
                rows.add(b.onChain().build());
            } else {
                rows.add(b.build());
            }
        }
        Verdict[] cycle = {Verdict.VERIFIED, Verdict.MISMATCH, null, Verdict.UNVERIFIED, Verdict.VERIFIED, Verdict.ERROR, null};
        store.inTransaction(tx -> {
            // two chunks, in reverse order, to show insertion order does not matter
            int half = rows.size() / 2;
            assertEquals(rows.size() - half, tx.saveInferences(rows.subList(half, rows.size()).reversed()));
            assertEquals(half, tx.saveInferences(rows.subList(0, half)));
        });
        store.inTransaction(tx -> {
            for (int i = 0; i < rows.size(); i++) {
                Verdict v = cycle[i % cycle.length];
                if (v != null) {
                    tx.saveVerdict(new VerdictRecord(rows.get(i).id(), v, null, T0.plusSeconds(i), null, List.of()));
                    rows.set(i, rows.get(i).withVerdict(v));
                }
            }
        });
    }

    @AfterAll
    void close() {
        store.close();
    }

    private static long leaf(Inference i) {
        return i.id().leafIndex() == null ? -1 : i.id().leafIndex();
    }

    private static Comparator<Inference> order(InferenceSort s) {
        Comparator<Inference> chain = Comparator.comparingLong(Inference::blockNumber)
                .thenComparingLong(i -> i.id().logIndex()).thenComparingLong(InferencePagingTest::leaf);
        Comparator<Inference> c = s == InferenceSort.TIME_ASC || s == InferenceSort.TIME_DESC
                ? Comparator.comparing(Inference::timestamp).thenComparing(chain) : chain;
        return s == InferenceSort.BLOCK_DESC || s == InferenceSort.TIME_DESC ? c.reversed() : c;
    }

    static Stream<Arguments> queries() {
        String tee = Fixtures.hash(1002);
        List<Arguments> out = new ArrayList<>();
        List<Arguments> filters = List.of(
                Arguments.of(Named.of("all", InferenceQuery.all()), (Predicate<Inference>) i -> true),
                Arguments.of(Named.of("model", InferenceQuery.all().withModel("model-1")),
                        (Predicate<Inference>) i -> i.model().equals("model-1")),
                Arguments.of(Named.of("model+version", InferenceQuery.all().withModel("model-2").withModelVersion("1.0")),
                        (Predicate<Inference>) i -> i.model().equals("model-2")),
                Arguments.of(Named.of("tee", InferenceQuery.all().withTee(tee)),
                        (Predicate<Inference>) i -> tee.equals(i.teeId())),
                Arguments.of(Named.of("node", InferenceQuery.all().withNode("http://127.0.0.1:9003")),
                        (Predicate<Inference>) i -> "http://127.0.0.1:9003".equals(i.nodeUrl())),
                Arguments.of(Named.of("mode", InferenceQuery.all().withMode(InferenceMode.VANILLA)),
                        (Predicate<Inference>) i -> i.mode() == InferenceMode.VANILLA),
                Arguments.of(Named.of("settlement", InferenceQuery.all().withSettlement(SettlementKind.BATCH)),
                        (Predicate<Inference>) i -> i.settlement() == SettlementKind.BATCH),
                Arguments.of(Named.of("verdict", InferenceQuery.all().withVerdict(Verdict.MISMATCH)),
                        (Predicate<Inference>) i -> i.verdict() == Verdict.MISMATCH),
                Arguments.of(Named.of("not checked", InferenceQuery.all().withNotChecked()),
                        (Predicate<Inference>) i -> i.verdict() == null),
                Arguments.of(Named.of("blocks", InferenceQuery.all().withBlocks(1010L, 1050L)),
                        (Predicate<Inference>) i -> i.blockNumber() >= 1010 && i.blockNumber() <= 1050),
                Arguments.of(Named.of("time", InferenceQuery.all().withTime(T0.plusSeconds(20), T0.plusSeconds(40))),
                        (Predicate<Inference>) i -> !i.timestamp().isBefore(T0.plusSeconds(20))
                                && i.timestamp().isBefore(T0.plusSeconds(40))),
                Arguments.of(Named.of("tx prefix", InferenceQuery.all().withIdPrefix(" 0X000000000000001")),
                        (Predicate<Inference>) i -> i.id().txHash().startsWith("0x000000000000001")),
                Arguments.of(Named.of("id contains, few ids", InferenceQuery.all().withIdContaining(" 1A0 ")),
                        (Predicate<Inference>) i -> i.id().toString().contains("1a0")),
                Arguments.of(Named.of("id contains, many ids", InferenceQuery.all().withIdContaining(":3")),
                        (Predicate<Inference>) i -> i.id().toString().contains(":3")),
                Arguments.of(Named.of("id contains a leaf, one model", InferenceQuery.all().withModel("model-1")
                                .withIdContaining("#2")),
                        (Predicate<Inference>) i -> i.model().equals("model-1") && i.id().toString().contains("#2")),
                Arguments.of(Named.of("id contains 0x: a prefix", InferenceQuery.all().withIdContaining("0x00000000000001")),
                        (Predicate<Inference>) i -> i.id().txHash().startsWith("0x00000000000001")),
                Arguments.of(Named.of("combined", InferenceQuery.all().withModel("model-0").withVerdict(Verdict.VERIFIED)
                                .withBlocks(1020L, null).withSettlement(SettlementKind.INDIVIDUAL)),
                        (Predicate<Inference>) i -> i.model().equals("model-0") && i.verdict() == Verdict.VERIFIED
                                && i.blockNumber() >= 1020 && i.settlement() == SettlementKind.INDIVIDUAL));
        for (Arguments f : filters) {
            for (InferenceSort s : InferenceSort.values()) {
                out.add(Arguments.of(f.get()[0], s, f.get()[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} sorted {1}")
    @MethodSource("queries")
    void everyRowExactlyOnceInOrderAcrossPages(InferenceQuery query, InferenceSort sort, Predicate<Inference> matches) {
        InferenceQuery q = query.sortedBy(sort);
        List<RecordId> expected = rows.stream().filter(matches).sorted(order(sort)).map(Inference::id).toList();
        assertFalse(expected.isEmpty(), "the fixture must exercise this filter");
        for (int pageSize : new int[] {7, 50, 5000}) {
            List<RecordId> got = new ArrayList<>();
            PageKey after = null;
            int pages = 0;
            do {
                PageKey key = after;
                Page<Inference> page = store.read(tx -> tx.inferences().page(q, key, pageSize));
                assertTrue(page.items().size() <= pageSize);
                page.items().forEach(i -> got.add(i.id()));
                after = page.next();
                pages++;
                assertTrue(pages <= expected.size() / pageSize + 2, "paging terminates");
            } while (after != null);
            assertEquals(expected, got, "page size " + pageSize);
        }
        assertEquals((long) expected.size(), (long) store.read(tx -> tx.inferences().count(q)));
        List<RecordId> byOffset = store.read(tx -> tx.inferences().pageAt(q, 3, 10)).stream().map(Inference::id).toList();
        assertEquals(expected.subList(Math.min(3, expected.size()), Math.min(13, expected.size())), byOffset);
    }

    @Test
    void pageRowsCarryTheLatestVerdict() {
        Page<Inference> page = store.read(tx -> tx.inferences().page(InferenceQuery.all().sortedBy(InferenceSort.BLOCK_ASC), null, 10));
        assertEquals(rows.stream().sorted(order(InferenceSort.BLOCK_ASC)).limit(10).map(i -> i.withTensors(List.of(), List.of())).toList(),
                page.items());
    }

    @Test
    void verdictCountsMatch() {
        Map<Verdict, Long> expected = new HashMap<>();
        long none = 0;
        for (Inference i : rows) {
            if (i.verdict() == null) {
                none++;
            } else {
                expected.merge(i.verdict(), 1L, Long::sum);
            }
        }
        VerdictCounts counts = store.read(tx -> tx.inferences().countByVerdict(InferenceQuery.all()));
        assertEquals(new VerdictCounts(expected.get(Verdict.VERIFIED), expected.get(Verdict.MISMATCH),
                expected.get(Verdict.UNVERIFIED), expected.get(Verdict.ERROR), none), counts);
        assertEquals((long) rows.size(), counts.total());
        VerdictCounts model1 = store.read(tx -> tx.inferences().countByVerdict(InferenceQuery.all().withModel("model-1")));
        assertEquals(rows.stream().filter(i -> i.model().equals("model-1")).count(), model1.total());
    }

    @Test
    void inferencesPerModelPerBucket() {
        List<ModelBucketCount> buckets = store.read(tx -> tx.inferences().countByModelAndTime(InferenceQuery.all(),
                Duration.ofMinutes(1)));
        Map<String, Long> expected = new HashMap<>();
        for (Inference i : rows) {
            long bucket = i.timestamp().toEpochMilli() / 60_000 * 60_000;
            expected.merge(i.model() + "@" + bucket, 1L, Long::sum);
        }
        Map<String, Long> got = new HashMap<>();
        for (ModelBucketCount b : buckets) {
            got.put(b.model() + "@" + b.bucketStart().toEpochMilli(), b.count());
        }
        assertEquals(expected, got);
        assertEquals(4 * 3, buckets.size(), "200 s of timestamps span 4 minute buckets, 3 models");
    }

    @Test
    void idSearchReadsIdsFirstOnlyWhenFewMatch() {
        assertEquals(InferenceFilter.IdSearch.IDS_FIRST, store.read(tx -> tx.inferences().idsContaining("1a0")));
        assertEquals(InferenceFilter.IdSearch.IN_ROWS, store.read(tx -> tx.inferences().idsContaining(":3")));
        assertEquals(InferenceFilter.IdSearch.IDS_FIRST, store.read(tx -> tx.inferences().idsContaining("no such")));
    }

    @Test
    void chartsAndVerdictCountsFollowTheIdSearch() {
        for (String text : List.of("1a0", ":3")) {
            InferenceQuery q = InferenceQuery.all().withIdContaining(text);
            List<Inference> matching = rows.stream().filter(i -> i.id().toString().contains(text)).toList();
            VerdictCounts counts = store.read(tx -> tx.inferences().countByVerdict(q));
            assertEquals(matching.size(), counts.total(), text);
            assertEquals(matching.stream().filter(i -> i.verdict() == Verdict.MISMATCH).count(), counts.mismatch(), text);
            long charted = store.read(tx -> tx.inferences().countByModelAndTime(q, Duration.ofMinutes(1))).stream()
                    .mapToLong(ModelBucketCount::count).sum();
            assertEquals(matching.size(), charted, text);
        }
    }

    @Test
    void reInsertingTheSameRecordsIsIdempotent() {
        int added = store.inTransactionGet(tx -> tx.saveInferences(rows));
        assertEquals(0, added);
        assertEquals((long) rows.size(), (long) store.read(tx -> tx.inferences().count(InferenceQuery.all())));
        // and the verdicts survived the re-insert
        assertEquals(rows.stream().filter(i -> i.verdict() == Verdict.MISMATCH).count(),
                (long) store.read(tx -> tx.inferences().count(InferenceQuery.all().withVerdict(Verdict.MISMATCH))));
    }

    @Test
    void distinctFilterChoices() {
        Set<String> models = new HashSet<>();
        rows.forEach(i -> models.add(i.model()));
        assertEquals(models.stream().sorted().toList(), store.read(tx -> tx.inferences().distinctModels()));
        assertEquals(4, store.read(tx -> tx.inferences().distinctTees()).size());
        assertEquals(4, store.read(tx -> tx.inferences().distinctNodes()).size());
    }
}
