package io.proofdesk.store;

import static io.proofdesk.store.Fixtures.T0;
import static io.proofdesk.store.Fixtures.anInference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inferences filter indexes set aside for a bulk sync: same query results meanwhile, all back afterwards. */
class InferenceIndexDaoTest {

    @TempDir
    Path dir;

    private Store open() {
        return Store.open(new DataDirectory(dir));
    }

    private static List<Inference> rows(int from, int n) {
        List<Inference> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            var b = anInference(i).withTensors();
            out.add(i % 5 == 4 ? b.batchLeaf(1).build() : i % 7 == 3 ? b.onChain().build() : b.build());
        }
        return out;
    }

    /** Queries of every filter the Inferences view and the CLI issue, with their pages and counts. */
    private static Map<String, InferenceQuery> queries() {
        Map<String, InferenceQuery> q = new LinkedHashMap<>();
        q.put("all", InferenceQuery.all());
        q.put("model", InferenceQuery.all().withModel("model-1"));
        q.put("model+version by time", InferenceQuery.all().withModel("model-2").withModelVersion("1.0")
                .sortedBy(InferenceSort.TIME_ASC));
        q.put("tee", InferenceQuery.all().withTee(Fixtures.hash(1001)));
        q.put("node by time", InferenceQuery.all().withNode("http://127.0.0.1:9002").sortedBy(InferenceSort.TIME_DESC));
        q.put("mode+verdict", InferenceQuery.all().withMode(InferenceMode.TEE).withVerdict(Verdict.MISMATCH));
        q.put("settlement", InferenceQuery.all().withSettlement(SettlementKind.BATCH));
        q.put("not checked", InferenceQuery.all().withNotChecked().sortedBy(InferenceSort.BLOCK_ASC));
        q.put("blocks by time", InferenceQuery.all().withBlocks(150L, 400L).sortedBy(InferenceSort.TIME_DESC));
        q.put("time by block", InferenceQuery.all().withTime(T0.plusSeconds(100), T0.plusSeconds(600))
                .sortedBy(InferenceSort.BLOCK_ASC));
        q.put("id contains", InferenceQuery.all().withIdContaining("2a"));
        return q;
    }

    /** Every query's full result (ids in page order, via keyset pages of 37) and its counts. */
    private static Map<String, String> answers(Store s) {
        return s.read(InferenceIndexDaoTest::answers);
    }

    private static Map<String, String> answers(Transaction tx) {
        Map<String, String> out = new LinkedHashMap<>();
        {
            for (var e : queries().entrySet()) {
                List<String> ids = new ArrayList<>();
                PageKey after = null;
                do {
                    Page<Inference> p = tx.inferences().page(e.getValue(), after, 37);
                    p.items().forEach(i -> ids.add(i.id() + "/" + i.verdict()));
                    after = p.next();
                } while (after != null);
                out.put(e.getKey(), ids + " count=" + tx.inferences().count(e.getValue()) + " "
                        + tx.inferences().countByVerdict(e.getValue()));
            }
        }
        return out;
    }

    private static void verdicts(Store s, List<Inference> rows) {
        s.inTransaction(tx -> {
            for (int i = 0; i < rows.size(); i += 3) {
                tx.saveVerdict(new VerdictRecord(rows.get(i).id(), i % 2 == 0 ? Verdict.MISMATCH : Verdict.VERIFIED,
                        null, T0.plusSeconds(i), null, List.of()));
            }
        });
    }

    @Test
    void aBulkWriteIntoAnEmptyStoreSetsTheFilterIndexesAsideAndRestoresThemAll() {
        List<Inference> rows = rows(0, 900);
        Map<String, String> expected;
        List<String> allIndexes;
        try (Store s = open()) {
            allIndexes = s.read(tx -> tx.inferenceIndexes().names());
            assertTrue(allIndexes.contains("inferences_model_time"), allIndexes.toString());
            assertTrue((boolean) s.inTransactionGet(tx -> tx.inferenceIndexes().deferForBulk(900)));
            List<String> during = s.read(tx -> tx.inferenceIndexes().names());
            assertEquals(List.of("inferences_chain_order", "inferences_time", "sqlite_autoindex_inferences_1"), during);
            assertTrue((boolean) s.read(tx -> tx.inferenceIndexes().deferred()));
            // each chunk asks again: already set aside, nothing changes
            for (int k = 0; k < 3; k++) {
                List<Inference> chunk = rows.subList(k * 300, (k + 1) * 300);
                long left = 900 - 300L * k;
                s.inTransaction(tx -> {
                    assertTrue(tx.inferenceIndexes().deferForBulk(left));
                    tx.saveInferences(chunk);
                });
            }
            verdicts(s, rows);
            Map<String, String> meanwhile = answers(s);
            assertEquals(17, (int) s.inTransactionGet(tx -> tx.inferenceIndexes().restore()));
            assertEquals(allIndexes, s.read(tx -> tx.inferenceIndexes().names()));
            assertFalse((boolean) s.read(tx -> tx.inferenceIndexes().deferred()));
            assertEquals(0, (int) s.inTransactionGet(tx -> tx.inferenceIndexes().restore()));
            expected = answers(s);
            assertEquals(expected, meanwhile, "queries give the same answers without the filter indexes");
            String plan = s.read(tx -> tx.inferences().pagePlan(InferenceQuery.all().withModel("model-1"), null, 50));
            assertTrue(plan.contains("USING INDEX inferences_model ("), plan);
        }
        // the same rows written with the indexes in place answer the same
        try (Store other = Store.open(new DataDirectory(dir.resolve("indexed")))) {
            other.inTransaction(tx -> tx.saveInferences(rows));
            verdicts(other, rows);
            assertEquals(expected, answers(other));
        }
    }

    @Test
    void smallWritesAndWritesIntoALargerTableKeepTheIndexes() {
        try (Store s = open()) {
            assertFalse((boolean) s.inTransactionGet(tx -> tx.inferenceIndexes().deferForBulk(
                    InferenceIndexDao.MIN_BULK_ROWS - 1)));
            s.inTransaction(tx -> tx.saveInferences(rows(0, 700)));
            assertFalse((boolean) s.inTransactionGet(tx -> tx.inferenceIndexes().deferForBulk(600)));
            assertFalse((boolean) s.read(tx -> tx.inferenceIndexes().deferred()));
            assertTrue((boolean) s.inTransactionGet(tx -> tx.inferenceIndexes().deferForBulk(800)));
        }
    }

    @Test
    void aRolledBackChunkLeavesTheIndexesInPlace() {
        try (Store s = open()) {
            List<String> before = s.read(tx -> tx.inferenceIndexes().names());
            assertThrows(IllegalStateException.class, () -> s.inTransaction(tx -> {
                tx.inferenceIndexes().deferForBulk(5_000);
                tx.saveInferences(rows(0, 10));
                throw new IllegalStateException("chunk failed");
            }));
            assertEquals(before, s.read(tx -> tx.inferenceIndexes().names()));
            assertFalse((boolean) s.read(tx -> tx.inferenceIndexes().deferred()));
        }
    }

    /** Schema 10 drops the blob id and Merkle root indexes, which no query reads: every row and answer is kept. */
    @Test
    void upgradingASchema9StoreKeepsEveryRowAndQueryResult() throws Exception {
        Path file = dir.resolve(Store.DATABASE_FILE);
        List<Inference> rows = rows(0, 800);
        Map<String, String> before;
        try (Connection c = SqliteConnections.openWriter(file)) {
            assertEquals(9, new Migrator(Migrations.bundled().upTo(9), Clock.fixed(T0, ZoneOffset.UTC)).migrate(c, file));
            try (Statement st = c.createStatement(); StatementCache statements = new StatementCache(c)) {
                st.execute("BEGIN IMMEDIATE");
                Transaction tx = new Transaction(statements, new StoreJson(), false);
                tx.saveInferences(rows);
                for (int i = 0; i < rows.size(); i += 3) {
                    tx.saveVerdict(new VerdictRecord(rows.get(i).id(), i % 2 == 0 ? Verdict.MISMATCH : Verdict.VERIFIED,
                            null, T0.plusSeconds(i), null, List.of()));
                }
                before = answers(tx);
                st.execute("COMMIT");
            }
        }
        try (Store s = open()) {
            assertEquals(10, s.schemaVersion());
            List<String> names = s.read(tx -> tx.inferenceIndexes().names());
            assertFalse(names.contains("inferences_blob") || names.contains("inferences_merkle_root"), names.toString());
            assertEquals(before, answers(s));
            for (Inference r : rows.subList(0, 50)) {
                Inference stored = s.read(tx -> tx.loadInference(r.id())).orElseThrow();
                assertEquals(r.withVerdict(stored.verdict()), stored);
            }
        }
    }

    /** A sync killed mid-way leaves the indexes aside and says so in meta; the next open rebuilds them first. */
    @Test
    void openingAStoreCutOffMidSyncRebuildsTheIndexes() {
        List<String> all;
        try (Store s = open()) {
            all = s.read(tx -> tx.inferenceIndexes().names());
            s.inTransaction(tx -> {
                tx.inferenceIndexes().deferForBulk(2_000);
                tx.saveInferences(rows(0, 600));
            });
            // no restore: the process ends here as a crash would (the transaction above committed)
        }
        try (Store s = Store.open(dir.resolve(Store.DATABASE_FILE), dir.resolve(Store.LOCK_FILE),
                Clock.fixed(T0, ZoneOffset.UTC))) {
            assertEquals(all, s.read(tx -> tx.inferenceIndexes().names()));
            assertFalse((boolean) s.read(tx -> tx.inferenceIndexes().deferred()));
            assertEquals(600L, (long) s.read(tx -> tx.inferences().count(InferenceQuery.all())));
            String plan = s.read(tx -> tx.inferences().countPlan(InferenceQuery.all().withModel("model-1")
                    .withMode(InferenceMode.TEE)));
            assertTrue(plan.contains("USING COVERING INDEX inferences_model_facets"), plan);
        }
    }

    @Test
    void aRecordOfDeferredIndexesHoldingOtherSqlIsNotRun() {
        try (Store s = open()) {
            s.inTransaction(tx -> tx.meta().put(InferenceIndexDao.META_KEY,
                    "[\"CREATE INDEX inferences_model ON inferences (model); DROP TABLE inferences\"]"));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> s.inTransaction(tx -> tx.inferenceIndexes().restore()));
            assertTrue(e.getMessage().contains("not an index of the inferences table"), e.getMessage());
            s.inTransaction(tx -> tx.meta().put(InferenceIndexDao.META_KEY, "[\"DELETE FROM inferences\"]"));
            assertThrows(IllegalStateException.class, () -> s.inTransaction(tx -> tx.inferenceIndexes().restore()));
            assertTrue(s.read(tx -> tx.inferenceIndexes().names()).contains("inferences_model"));
        }
    }
}
