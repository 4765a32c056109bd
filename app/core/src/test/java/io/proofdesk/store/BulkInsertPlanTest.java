package io.proofdesk.store;

import static io.proofdesk.store.Fixtures.T0;
import static io.proofdesk.store.Fixtures.anInference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

/**
 * 200,000 inferences through the sync's bulk path (one transaction per chunk), then the plans of filtered page
 * queries: each must walk an index range, not scan the table or sort. Plans are asserted, times are not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkInsertPlanTest {

    private static final int ROWS = 200_000;
    private static final int CHUNK = 10_000;

    private Path db;
    private Store store;

    @BeforeAll
    void bulkInsert(@TempDir Path dir) {
        store = Store.open(new DataDirectory(dir));
        db = store.databaseFile();
        List<Tensor> in = List.of(Tensor.ofFloats("x", new long[] {1, 4}, new float[] {1, 2, 3, 4}));
        List<Tensor> out = List.of(Tensor.ofFloats("y", new long[] {1, 3}, new float[] {0.1f, 0.2f, 0.7f}));
        long started = System.nanoTime();
        for (int chunk = 0; chunk < ROWS / CHUNK; chunk++) {
            List<Inference> batch = new ArrayList<>(CHUNK);
            for (int i = chunk * CHUNK; i < (chunk + 1) * CHUNK; i++) {
                var b = anInference(i).tensors(in, out);
                batch.add(i % 10 == 9 ? b.batchLeaf(0).build() : b.build());
            }
            int c = chunk;
            int added = store.inTransactionGet(tx -> {
                int n = tx.saveInferences(batch);
                tx.checkpoints().put(new io.proofdesk.domain.SyncCheckpoint("relay", 100 + (c + 1) * CHUNK / 2, null, T0));
                return n;
            });
            assertEquals(CHUNK, added);
        }
        System.out.printf("bulk path: %d inferences with 2 tensors each in %.1f s%n", ROWS,
                (System.nanoTime() - started) / 1e9);
        store.inTransaction(tx -> {
            for (int i = 0; i < 2_000; i++) {
                Inference inf = anInference(i * 100L).build();
                tx.saveVerdict(new VerdictRecord(inf.id(), i % 3 == 0 ? Verdict.MISMATCH : Verdict.VERIFIED, null,
                        T0.plusSeconds(i), null, List.of()));
            }
        });
    }

    @AfterAll
    void close() {
        store.close();
    }

    private static long scalar(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyRowAndTensorLandedOnce() throws Exception {
        assertEquals((long) ROWS, (long) store.read(tx -> tx.inferences().count(InferenceQuery.all())));
        assertEquals(2L * ROWS, scalar(db, "SELECT count(*) FROM tensors"));
        List<Inference> again = List.of(anInference(5).build(), anInference(ROWS - 1).batchLeaf(0).build());
        assertEquals(0, (int) store.inTransactionGet(tx -> tx.saveInferences(again)));
        assertEquals(2L * ROWS, scalar(db, "SELECT count(*) FROM tensors"));
        assertEquals(667L, (long) store.read(tx -> tx.inferences().count(InferenceQuery.all().withVerdict(Verdict.MISMATCH))));
    }

    /**
     * An inference's latest verdict is one lookup of the inference by id, then one seek in the verdicts' chain-key
     * index, newest first (no scan of either table, no sort), and a reorg's delete finds its verdicts the same way.
     */
    @Test
    void anInferencesVerdictsAreFoundThroughItsChainKey() throws Exception {
        Inference verified = anInference(400).build();  // the 4th verdict written: VERIFIED
        String plan = store.read(tx -> tx.verdicts().latestPlan(verified.id()));
        assertTrue(plan.contains("SEARCH i USING INDEX sqlite_autoindex_inferences_1 (id=?)"), plan);
        assertTrue(plan.contains("SEARCH v USING INDEX verdicts_inference (block_number=? AND log_index=? AND "
                + "leaf_index=?)"), plan);
        assertFalse(plan.contains("SCAN") || plan.contains("TEMP B-TREE"), plan);
        assertEquals(Verdict.VERIFIED, store.read(tx -> tx.verdicts().latest(verified.id())).orElseThrow()
                .verdict().verdict());
        assertEquals(2_000L, scalar(db, "SELECT count(*) FROM verdicts"));
    }

    static Stream<Arguments> combinedCounts() {
        return Stream.of(
                Arguments.of(Named.of("model+mode+verdict", InferenceQuery.all().withModel("model-1")
                        .withMode(InferenceMode.TEE).withVerdict(Verdict.VERIFIED)), "inferences_model_facets",
                        "model = 'model-1' AND mode = 'TEE' AND verdict = 'VERIFIED'"),
                Arguments.of(Named.of("model+mode", InferenceQuery.all().withModel("model-1").withMode(InferenceMode.TEE)),
                        "inferences_model_facets", "model = 'model-1' AND mode = 'TEE'"),
                Arguments.of(Named.of("model+settlement", InferenceQuery.all().withModel("model-2")
                        .withSettlement(SettlementKind.BATCH)), "inferences_model_facets",
                        "model = 'model-2' AND settlement = 'BATCH'"),
                Arguments.of(Named.of("mode+verdict", InferenceQuery.all().withMode(InferenceMode.TEE)
                        .withVerdict(Verdict.MISMATCH)), "inferences_verdict_facets",
                        "mode = 'TEE' AND verdict = 'MISMATCH'"),
                Arguments.of(Named.of("not checked+settlement", InferenceQuery.all().withNotChecked()
                        .withSettlement(SettlementKind.BATCH)), "inferences_verdict_facets",
                        "verdict IS NULL AND settlement = 'BATCH'"));
    }

    /** A count of several equality filters reads one covering index, never the rows, and counts what a scan counts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("combinedCounts")
    void combinedCountsReadOneIndexOnly(InferenceQuery q, String index, String where) throws Exception {
        String plan = store.read(tx -> tx.inferences().countPlan(q));
        assertTrue(plan.contains("USING COVERING INDEX " + index), "plan for " + q + ":\n" + plan);
        long counted = store.read(tx -> tx.inferences().count(q));
        assertEquals(scalar(db, "SELECT count(*) FROM inferences NOT INDEXED WHERE " + where), counted);
        assertTrue(counted > 0, "the fixture has rows for " + where);
    }

    static Stream<Arguments> filteredQueries() {
        return Stream.of(
                Arguments.of(Named.of("verdict", InferenceQuery.all().withVerdict(Verdict.MISMATCH)), "inferences_verdict"),
                Arguments.of(Named.of("not checked", InferenceQuery.all().withNotChecked().sortedBy(InferenceSort.BLOCK_ASC)),
                        "inferences_verdict"),
                Arguments.of(Named.of("model", InferenceQuery.all().withModel("model-1")), "inferences_model"),
                Arguments.of(Named.of("model+version", InferenceQuery.all().withModel("model-1").withModelVersion("1.0")),
                        "inferences_model_version"),
                Arguments.of(Named.of("tee", InferenceQuery.all().withTee(Fixtures.hash(1001))), "inferences_tee"),
                Arguments.of(Named.of("node", InferenceQuery.all().withNode("http://127.0.0.1:9002")), "inferences_node"),
                Arguments.of(Named.of("mode", InferenceQuery.all().withMode(InferenceMode.VANILLA)), "inferences_mode"),
                Arguments.of(Named.of("settlement", InferenceQuery.all().withSettlement(SettlementKind.BATCH)),
                        "inferences_settlement"),
                Arguments.of(Named.of("blocks", InferenceQuery.all().withBlocks(50_000L, 60_000L)), "inferences_chain_order"),
                Arguments.of(Named.of("time", InferenceQuery.all().withTime(T0.plusSeconds(1000), T0.plusSeconds(2000))
                        .sortedBy(InferenceSort.TIME_DESC)), "inferences_time"),
                Arguments.of(Named.of("tx prefix", InferenceQuery.all().withIdPrefix("0x00000000000001")),
                        "sqlite_autoindex_inferences_1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filteredQueries")
    void filteredPagesUseAnIndex(InferenceQuery q, String index) {
        for (PageKey after : new PageKey[] {null, new PageKey(T0.plusSeconds(1500).toEpochMilli(), 55_000, 3, -1)}) {
            String plan = store.read(tx -> tx.inferences().pagePlan(q, after, 100));
            assertTrue(plan.contains("USING INDEX " + index + " (") || plan.contains("USING COVERING INDEX " + index + " ("),
                    "plan for " + q + ":\n" + plan);
            assertTrue(plan.startsWith("SEARCH inferences"), "an index range, not a full scan:\n" + plan);
            if (q.idPrefix() == null) {
                assertFalse(plan.contains("TEMP B-TREE"), "rows come out of the index already ordered:\n" + plan);
            }
        }
    }

    static Stream<Arguments> timeSortedQueries() {
        List<Arguments> out = new ArrayList<>();
        List<Arguments> filters = List.of(
                Arguments.of(Named.of("verdict", InferenceQuery.all().withVerdict(Verdict.MISMATCH)), "inferences_verdict_time"),
                Arguments.of(Named.of("not checked", InferenceQuery.all().withNotChecked()), "inferences_verdict_time"),
                Arguments.of(Named.of("model", InferenceQuery.all().withModel("model-1")), "inferences_model_time"),
                Arguments.of(Named.of("model+version", InferenceQuery.all().withModel("model-1").withModelVersion("1.0")),
                        "inferences_model_version_time"),
                Arguments.of(Named.of("tee", InferenceQuery.all().withTee(Fixtures.hash(1001))), "inferences_tee_time"),
                Arguments.of(Named.of("node", InferenceQuery.all().withNode("http://127.0.0.1:9002")), "inferences_node_time"),
                Arguments.of(Named.of("mode", InferenceQuery.all().withMode(InferenceMode.VANILLA)), "inferences_mode_time"),
                Arguments.of(Named.of("settlement", InferenceQuery.all().withSettlement(SettlementKind.BATCH)),
                        "inferences_settlement_time"),
                Arguments.of(Named.of("time", InferenceQuery.all().withTime(T0.plusSeconds(1000), T0.plusSeconds(2000))),
                        "inferences_time"));
        for (Arguments f : filters) {
            for (InferenceSort s : new InferenceSort[] {InferenceSort.TIME_ASC, InferenceSort.TIME_DESC}) {
                out.add(Arguments.of(f.get()[0], s, f.get()[1]));
            }
        }
        return out.stream();
    }

    /** Since schema 3 a filter sorted by time is one index range too, and the keyset row value seeks inside it. */
    @ParameterizedTest(name = "{0} sorted {1}")
    @MethodSource("timeSortedQueries")
    void timeSortedFilteredPagesUseATimeOrderedIndex(InferenceQuery filter, InferenceSort sort, String index) {
        InferenceQuery q = filter.sortedBy(sort);
        for (PageKey after : new PageKey[] {null, new PageKey(T0.plusSeconds(1500).toEpochMilli(), 55_000, 3, -1)}) {
            String plan = store.read(tx -> tx.inferences().pagePlan(q, after, 100));
            assertTrue(plan.startsWith("SEARCH inferences USING INDEX " + index + " ("), "plan for " + q + ":\n" + plan);
            assertFalse(plan.contains("TEMP B-TREE"), "rows come out of the index already ordered:\n" + plan);
            if (after != null) {
                assertTrue(plan.contains("(timestamp,block_number,log_index,leaf_index)" + (sort == InferenceSort.TIME_ASC
                        ? ">" : "<") + "(?,?,?,?)"), "a deep page seeks to its key:\n" + plan);
            }
        }
    }

    /** A range on the other sort's column sorts keys inside the covering time index, never whole rows. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("crossRangeQueries")
    void aRangeSortedByTheOtherColumnSortsOnlyKeys(InferenceQuery q) {
        String plan = store.read(tx -> tx.inferences().pagePlan(q, null, 100));
        assertTrue(plan.contains("USING COVERING INDEX inferences_time"), plan);
        assertTrue(plan.startsWith("SEARCH inferences USING INTEGER PRIMARY KEY (rowid=?)"), plan);
    }

    static Stream<Arguments> crossRangeQueries() {
        return Stream.of(
                Arguments.of(Named.of("blocks by time", InferenceQuery.all().withBlocks(50_000L, 60_000L)
                        .sortedBy(InferenceSort.TIME_DESC))),
                Arguments.of(Named.of("time by block", InferenceQuery.all().withTime(T0.plusSeconds(1000), T0.plusSeconds(2000))
                        .sortedBy(InferenceSort.BLOCK_ASC))));
    }

    @Test
    void aDeepPageOfARangeSeeksToItsKey() {
        InferenceQuery q = InferenceQuery.all().withBlocks(50_000L, 60_000L).sortedBy(InferenceSort.BLOCK_ASC);
        String plan = store.read(tx -> tx.inferences().pagePlan(q, new PageKey(0, 55_000, 3, -1), 100));
        assertTrue(plan.contains("(block_number,log_index,leaf_index)>(?,?,?) AND block_number<?"), plan);
    }

    @Test
    void aDeepFilteredPageIsCorrect() {
        InferenceQuery q = InferenceQuery.all().withVerdict(Verdict.MISMATCH).sortedBy(InferenceSort.BLOCK_ASC);
        Page<Inference> first = store.read(tx -> tx.inferences().page(q, null, 600));
        Page<Inference> second = store.read(tx -> tx.inferences().page(q, first.next(), 600));
        assertEquals(600, first.items().size());
        assertEquals(67, second.items().size());
        assertFalse(second.hasMore());
        assertTrue(second.items().stream().allMatch(i -> i.verdict() == Verdict.MISMATCH));
        assertTrue(first.items().getLast().blockNumber() <= second.items().getFirst().blockNumber());
    }
}
