package io.proofdesk.store;

import static io.proofdesk.store.Fixtures.T0;
import static io.proofdesk.store.Fixtures.anInference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.EvidenceLevel;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema 9: every record's evidence level, from the upgrade of a store with records to filters and the CHECK. */
class RecordEvidenceStoreTest {

    private static final Evidence PROVED = Evidence.proved(1234, 0, "genesis");
    private static final Evidence AGREED = Evidence.agreed(2, 2);

    @TempDir
    Path dir;

    @Test
    void recordsOfAVersion8StoreBecomeTrustedSyncedBeforeEvidenceLevels() throws Exception {
        Path file = dir.resolve(Store.DATABASE_FILE);
        List<Inference> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(i % 9 == 4 ? anInference(i).batchLeaf(i % 3).build() : anInference(i).build());
        }
        try (Connection c = SqliteConnections.openWriter(file)) {
            assertEquals(8, new Migrator(Migrations.bundled().upTo(8), Clock.fixed(T0, ZoneOffset.UTC)).migrate(c, file));
            try (Statement s = c.createStatement(); StatementCache statements = new StatementCache(c)) {
                s.execute("BEGIN IMMEDIATE");
                PreEvidenceRows.insert(c, statements, rows);
                s.execute("COMMIT");
            }
        }
        try (Store store = Store.open(new DataDirectory(dir))) {
            assertEquals(Migrations.bundled().latestVersion(), store.schemaVersion());
            Evidence before = new Evidence(EvidenceLevel.TRUSTED, Evidence.SYNCED_BEFORE_LEVELS);
            for (Inference r : rows) {
                assertEquals(r.withEvidence(before), store.read(tx -> tx.inferences().find(r.id())).orElseThrow());
            }
            assertEquals(Map.of(EvidenceLevel.TRUSTED, 40L),
                    store.read(tx -> tx.inferences().countByEvidence(InferenceQuery.all())));
            // a record stored after the upgrade says what its sync established, not "synced before"
            Inference later = anInference(500).evidence(PROVED).build();
            store.inTransaction(tx -> tx.saveInferences(List.of(later)));
            assertEquals(PROVED, store.read(tx -> tx.inferences().find(later.id())).orElseThrow().evidence());
        }
    }

    @Test
    void insertedEvidenceReadsBackAndFiltersSelectByLevel() {
        List<Inference> rows = new ArrayList<>();
        Map<EvidenceLevel, Long> expected = new EnumMap<>(EvidenceLevel.class);
        for (int i = 0; i < 60; i++) {
            Evidence e = i % 10 == 3 ? Evidence.trustedSingleEndpoint() : i % 4 == 1 ? AGREED : PROVED;
            rows.add(anInference(i).evidence(e).build());
            expected.merge(e.level(), 1L, Long::sum);
        }
        try (Store store = Store.open(new DataDirectory(dir))) {
            store.inTransaction(tx -> tx.saveInferences(rows));
            for (Inference r : rows) {
                assertEquals(r.evidence(), store.read(tx -> tx.inferences().find(r.id())).orElseThrow().evidence());
            }
            assertEquals(expected, store.read(tx -> tx.inferences().countByEvidence(InferenceQuery.all())));
            for (EvidenceLevel level : EvidenceLevel.values()) {
                InferenceQuery q = InferenceQuery.all().withEvidence(level);
                List<String> want = rows.stream().filter(r -> r.evidence().level() == level)
                        .map(r -> r.id().toString()).sorted().toList();
                List<String> got = store.read(tx -> tx.inferences().page(q, null, 1000)).items().stream()
                        .map(r -> r.id().toString()).sorted().toList();
                assertEquals(want, got, level.name());
                assertEquals((long) want.size(), (long) store.read(tx -> tx.inferences().count(q)));
                assertTrue(store.read(tx -> tx.inferences().pagePlan(q, null, 100)).contains("inferences_evidence"),
                        "a page of one level walks the evidence index");
            }
            // combined with another filter: both hold
            InferenceQuery both = InferenceQuery.all().withEvidence(EvidenceLevel.AGREED).withModel("model-1");
            assertEquals(rows.stream().filter(r -> r.evidence().equals(AGREED) && r.model().equals("model-1")).count(),
                    (long) store.read(tx -> tx.inferences().count(both)));
        }
    }

    @Test
    void setEvidenceUpdatesStoredRecordsAndSkipsUnknownIds() {
        List<Inference> rows = List.of(anInference(1).build(), anInference(2).build(), anInference(3).build());
        try (Store store = Store.open(new DataDirectory(dir))) {
            store.inTransaction(tx -> tx.saveInferences(rows));
            Map<RecordId, Evidence> update = new LinkedHashMap<>();
            update.put(rows.get(0).id(), PROVED);
            update.put(rows.get(2).id(), AGREED);
            update.put(anInference(99).build().id(), PROVED);
            assertEquals(2, (int) store.inTransactionGet(tx -> tx.inferences().setEvidence(update)));
            assertEquals(PROVED, store.read(tx -> tx.inferences().find(rows.get(0).id())).orElseThrow().evidence());
            assertEquals(Evidence.trustedSingleEndpoint(),
                    store.read(tx -> tx.inferences().find(rows.get(1).id())).orElseThrow().evidence());
            assertEquals(AGREED, store.read(tx -> tx.inferences().find(rows.get(2).id())).orElseThrow().evidence());
            // a resumed sync's insert of a record already stored keeps the stored evidence
            store.inTransaction(tx -> tx.saveInferences(List.of(rows.get(0))));
            assertEquals(PROVED, store.read(tx -> tx.inferences().find(rows.get(0).id())).orElseThrow().evidence());
        }
    }

    @Test
    void theCheckRefusesALevelThatIsNotOneOfTheThree() throws Exception {
        Inference r = anInference(7).build();
        try (Store store = Store.open(new DataDirectory(dir))) {
            store.inTransaction(tx -> tx.saveInferences(List.of(r)));
        }
        try (Connection c = SqliteConnections.openWriter(dir.resolve(Store.DATABASE_FILE));
             PreparedStatement ps = c.prepareStatement("UPDATE inferences SET evidence = ? WHERE id = ?")) {
            for (String bad : List.of("VERIFIED", "proved", "")) {
                ps.setString(1, bad);
                ps.setString(2, r.id().toString());
                java.sql.SQLException e = assertThrows(java.sql.SQLException.class, ps::executeUpdate, bad);
                assertTrue(e.getMessage().contains("CHECK constraint failed"), e.getMessage());
            }
            ps.setNull(1, java.sql.Types.VARCHAR);
            assertThrows(java.sql.SQLException.class, ps::executeUpdate, "NULL is refused by NOT NULL");
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT evidence FROM inferences WHERE id = '" + r.id() + "'")) {
                assertTrue(rs.next());
                assertEquals("TRUSTED", rs.getString(1));
            }
        }
    }

    @Test
    void theDomainRefusesEvidenceWithoutADetail() {
        assertThrows(IllegalArgumentException.class, () -> new Evidence(EvidenceLevel.PROVED, " "));
        assertThrows(IllegalArgumentException.class, () -> Evidence.agreed(1, 2));
        assertThrows(IllegalArgumentException.class, () -> EvidenceLevel.parse("VERIFIED"));
        assertEquals(EvidenceLevel.AGREED, EvidenceLevel.parse(" agreed "));
        assertEquals("receipt proved against block 1234, linked to checkpoint 0 (genesis)", PROVED.detail());
        assertEquals("agreed by 2 of 2 endpoints", AGREED.detail());
        assertEquals(List.of("one endpoint, not proved"),
                Evidence.trustedSingleEndpoint().verdictQualifier().stream().toList());
        assertTrue(PROVED.verdictQualifier().isEmpty());
    }
}
