package io.proofdesk.store;

import static io.proofdesk.store.Fixtures.T0;
import static io.proofdesk.store.Fixtures.anInference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/** Schema 10 drops two indexes of the inferences table that no query reads; nothing a query answers changes. */
class SchemaTenUpgradeTest {

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
        return s.read(SchemaTenUpgradeTest::answers);
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
            List<String> names = s.read(SchemaTenUpgradeTest::indexNames);
            assertFalse(names.contains("inferences_blob") || names.contains("inferences_merkle_root"), names.toString());
            assertEquals(before, answers(s));
            for (Inference r : rows.subList(0, 50)) {
                Inference stored = s.read(tx -> tx.loadInference(r.id())).orElseThrow();
                assertEquals(r.withVerdict(stored.verdict()), stored);
            }
        }
    }

    /** SQLite's names of the inferences table's indexes. */
    private static List<String> indexNames(Transaction tx) {
        List<String> out = new ArrayList<>();
        try (Statement st = tx.meta().c.createStatement();
             var rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' "
                     + "AND tbl_name = 'inferences' ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
