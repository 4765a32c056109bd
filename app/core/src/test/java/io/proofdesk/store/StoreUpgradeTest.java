package io.proofdesk.store;

import static io.proofdesk.store.Fixtures.T0;
import static io.proofdesk.store.Fixtures.anInference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.UnknownEvent;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.domain.VerificationEnvironment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written by the V2 schema (the code path of an earlier release) opens as the latest schema with every row kept. */
class StoreUpgradeTest {

    private static final int ROWS = 3_000;

    @TempDir
    Path dir;

    private static List<String> column(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** Creates a V2 store file through the migrator and DAOs, as the build before V3 did. */
    private List<Inference> writeVersion2Store(Path file) throws Exception {
        List<Inference> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            var b = anInference(i).time(T0.plusSeconds((i * 37L) % 500));
            rows.add(i % 7 == 3 ? b.batchLeaf(i % 4).build() : i % 5 == 0 ? b.onChain().build() : b.build());
        }
        try (Connection c = SqliteConnections.openWriter(file)) {
            Migrations v2 = Migrations.bundled().upTo(2);
            assertEquals(2, new Migrator(v2, Clock.fixed(T0, ZoneOffset.UTC)).migrate(c, file));
            try (Statement s = c.createStatement(); StatementCache statements = new StatementCache(c)) {
                s.execute("BEGIN IMMEDIATE");
                PreEvidenceRows.insert(c, statements, rows);
                for (int i = 0; i < ROWS; i += 3) {
                    VerdictRecord v = oldVerdict(rows.get(i).id(), i);
                    insertAsBeforeV6(c, v);
                    rows.set(i, rows.get(i).withVerdict(v.verdict()));
                }
                s.execute("COMMIT");
            }
            assertEquals(List.of("1", "2"), column(c, "SELECT version FROM schema_version ORDER BY version"));
            assertTrue(column(c, "SELECT name FROM sqlite_master WHERE type = 'index'").contains("inferences_tee"));
        }
        return rows;
    }

    /** A verdict as the store before V6 held it, with check lines (a failing one for a mismatch) and details. */
    private static VerdictRecord oldVerdict(RecordId id, int i) {
        Verdict v = i % 2 == 0 ? Verdict.VERIFIED : Verdict.MISMATCH;
        List<CheckResult> checks = new ArrayList<>();
        checks.add(new CheckResult("record", CheckStatus.PASS, "event found \"as stored\"", Map.of("block", "" + i)));
        checks.add(new CheckResult("model", CheckStatus.PASS, null, Map.of()));
        LinkedHashMap<String, String> details = new LinkedHashMap<>();
        details.put("maxAbsError", i % 2 == 0 ? "0.0" : "0.5");
        details.put("result", i % 2 == 0 ? "EXACT" : "MISMATCH");
        details.put("note", "é ☃ \u0001");
        checks.add(new CheckResult("reexecution", i % 2 == 0 ? CheckStatus.PASS : CheckStatus.FAIL,
                i % 2 == 0 ? "bit-identical" : "outputs differ", details));
        return new VerdictRecord(id, v, i % 2 == 0 ? null : "reexecution failed", T0.plusSeconds(i),
                new VerificationEnvironment("0.1.0", "1.29.0", "Linux", "cpu " + (i % 3), "default"), checks);
    }

    /** Writes a verdict the way the code before V6 did: a verdicts row, one check_results row per line. */
    private static void insertAsBeforeV6(Connection c, VerdictRecord v) throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO verdicts (inference_id, verdict, reason, checked_at, "
                + "environment) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, v.inferenceId().toString());
            ps.setString(2, v.verdict().name());
            ps.setString(3, v.reason());
            ps.setLong(4, v.checkedAt().toEpochMilli());
            ps.setString(5, jackson.writeValueAsString(v.environment()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO check_results (verdict_id, position, inference_id, "
                + "name, status, reason, details) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < v.checks().size(); p++) {
                CheckResult r = v.checks().get(p);
                ps.setLong(1, id);
                ps.setInt(2, p);
                ps.setString(3, v.inferenceId().toString());
                ps.setString(4, r.name());
                ps.setString(5, r.status().name());
                ps.setString(6, r.reason());
                ps.setString(7, jackson.writeValueAsString(r.details()));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE inferences SET verdict = ?, verdict_at = ? WHERE id = ?")) {
            ps.setString(1, v.verdict().name());
            ps.setLong(2, v.checkedAt().toEpochMilli());
            ps.setString(3, v.inferenceId().toString());
            ps.executeUpdate();
        }
    }

    @Test
    void aVersion2StoreUpgradesInPlaceKeepingEveryRow() throws Exception {
        Path file = dir.resolve(Store.DATABASE_FILE);
        List<Inference> rows = writeVersion2Store(file);
        try (Store store = Store.open(new DataDirectory(dir))) {
            assertEquals(10, store.schemaVersion());
            // V8 added unknown_events: an upgraded store keeps logs of unknown event versions and a reorg undoes them
            UnknownEvent raw = new UnknownEvent(9000, 2, "0x" + "ef".repeat(32), "0x" + "12".repeat(20),
                    List.of("0x" + "9a".repeat(32), "0x" + "01".repeat(32)), "0xdeadbeef");
            store.inTransaction(tx -> tx.unknownEvents().insertAll(List.of(raw, raw)));
            assertEquals(List.of(raw), store.read(tx -> tx.unknownEvents().page(-1, -1, 10)));
            store.inTransaction(tx -> tx.rollbackFromBlock(9001));
            assertEquals(1L, (long) store.read(tx -> tx.unknownEvents().count()));
            store.inTransaction(tx -> tx.rollbackFromBlock(9000));
            assertEquals(0L, (long) store.read(tx -> tx.unknownEvents().count()));
            // V6 moved every verdict's check lines into its row: each reads back exactly as it was written
            for (int i = 0; i < ROWS; i += 3) {
                VerdictRecord expected = oldVerdict(rows.get(i).id(), i);
                assertEquals(expected, store.read(tx -> tx.latestVerdict(expected.inferenceId())).orElseThrow());
                assertEquals(i % 2 == 0 ? List.of() : List.of("reexecution"),
                        store.read(tx -> tx.checkResults().failedInLatest(expected.inferenceId())));
            }
            assertEquals((long) ROWS, (long) store.read(tx -> tx.inferences().count(InferenceQuery.all())));
            // V9: records synced before evidence levels are TRUSTED, and say so
            Evidence before = new Evidence(EvidenceLevel.TRUSTED, Evidence.SYNCED_BEFORE_LEVELS);
            for (Inference stored : rows) {
                Inference expected = stored.withEvidence(before);
                assertEquals(expected, store.read(tx -> tx.inferences().find(expected.id())).orElseThrow());
            }
            // every row once, in time order, through the new indexes
            List<RecordId> got = new ArrayList<>();
            PageKey after = null;
            InferenceQuery q = InferenceQuery.all().sortedBy(InferenceSort.TIME_DESC).withModel("model-1");
            do {
                PageKey key = after;
                Page<Inference> page = store.read(tx -> tx.inferences().page(q, key, 128));
                page.items().forEach(i -> got.add(i.id()));
                after = page.next();
            } while (after != null);
            assertEquals(rows.stream().filter(i -> i.model().equals("model-1")).count(), got.size());
            assertTrue(store.read(tx -> tx.inferences().pagePlan(q, null, 100)).contains("inferences_model_time"));
        }
        try (Connection c = SqliteConnections.openReader(file)) {
            List<String> indexes = column(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inferences'");
            for (String name : List.of("inferences_tee", "inferences_node", "inferences_model_time",
                    "inferences_model_version_time", "inferences_tee_time", "inferences_node_time", "inferences_mode_time",
                    "inferences_settlement_time", "inferences_verdict_time", "inferences_model_facets",
                    "inferences_verdict_facets")) {
                assertTrue(indexes.contains(name), name + " in " + indexes);
            }
            assertFalse(column(c, "SELECT name FROM sqlite_master").contains("check_results"),
                    "V6 dropped check_results (its lines live in verdicts.checks)");
            assertEquals(List.of("ok"), column(c, "PRAGMA integrity_check"));
            assertEquals(List.of(String.valueOf(ROWS / 3)), column(c, "SELECT count(*) FROM verdicts"));
            // V7 keyed verdicts by their inference's chain key: the rows moved, none lost or orphaned
            assertEquals(List.of("block_number", "log_index", "leaf_index", "checked_at", "id"),
                    column(c, "SELECT name FROM pragma_index_info('verdicts_inference') ORDER BY seqno"));
            assertFalse(column(c, "SELECT name FROM pragma_table_info('verdicts')").contains("inference_id"));
            assertEquals(List.of(), column(c, "PRAGMA foreign_key_check"));
        }
    }
}
