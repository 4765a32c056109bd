package io.proofdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `proofdesk inferences`: each record's evidence level in the JSON, the table and CSV, and the --evidence filter. */
class InferencesEvidenceTest {

    private static final String CID = "QmbUqS93oc4JTLMHwpVxsE39mhNxy6hpf6Py3r9oANr8aZ";
    private static final Evidence PROVED = Evidence.proved(17, 0, "genesis");
    private static final Evidence AGREED = Evidence.agreed(2, 3);

    @TempDir
    Path dir;

    /** Record i: PROVED for i % 3 == 0, AGREED for 1, TRUSTED (one endpoint) for 2; the first three VERIFIED. */
    private final Map<String, Evidence> stored = new HashMap<>();

    private static RecordId id(int i) {
        return RecordId.of(String.format("0x%064x", i + 1), 0);
    }

    @BeforeEach
    void fill() {
        List<Inference> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Evidence e = i % 3 == 0 ? PROVED : i % 3 == 1 ? AGREED : Evidence.trustedSingleEndpoint();
            rows.add(new Inference(id(i), InferenceMode.VANILLA, CID, null, null, null, SettlementKind.ONCHAIN, 10 + i,
                    Instant.ofEpochSecond(1_764_000_000L + i), null, null, null, Bytes.empty(), null, null, List.of(),
                    List.of(), List.of(), null, e));
            stored.put(id(i).toString(), e);
        }
        try (Store store = Store.open(new DataDirectory(dir))) {
            store.inTransaction(tx -> {
                tx.saveInferences(rows);
                for (int i = 0; i < 3; i++) {
                    tx.saveVerdict(new VerdictRecord(id(i), Verdict.VERIFIED, null, Instant.now(), null, List.of()));
                }
            });
        }
    }

    private CliTestRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("inferences", "--data-dir", dir.toString()));
        all.addAll(List.of(args));
        return CliTestRun.of(all.toArray(String[]::new));
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--json"));
        all.addAll(List.of(args));
        CliTestRun r = run(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    @DisplayName("--json: every element has evidence, exactly PROVED, AGREED or TRUSTED, as stored, with its detail")
    void jsonCarriesEvidence() throws Exception {
        JsonNode rows = json();
        assertEquals(30, rows.size());
        for (JsonNode r : rows) {
            Evidence e = stored.get(r.get("id").asText());
            assertTrue(r.get("evidence").isTextual(), r.toString());
            assertTrue(r.get("evidence").asText().matches("PROVED|AGREED|TRUSTED"), r.toString());
            assertEquals(e.level().name(), r.get("evidence").asText(), r.toString());
            assertEquals(e.detail(), r.get("evidenceDetail").asText());
        }
        assertEquals("receipt proved against block 17, linked to checkpoint 0 (genesis)",
                rows.get(0).get("evidenceDetail").asText());
    }

    @Test
    @DisplayName("--evidence LEVEL selects that level only, in any case, combined with other filters")
    void evidenceFilter() throws Exception {
        for (String level : List.of("PROVED", "agreed", "Trusted")) {
            JsonNode rows = json("--evidence", level);
            assertEquals(10, rows.size(), level);
            rows.forEach(r -> assertEquals(level.toUpperCase(), r.get("evidence").asText()));
        }
        assertEquals(1, json("--evidence", "TRUSTED", "--verdict", "VERIFIED").size());
        assertEquals(9, json("--evidence", "TRUSTED", "--verdict", "none").size());
    }

    @Test
    @DisplayName("--evidence with a value that is not a level is bad input (exit 3) naming the option and the levels")
    void badEvidenceValue() {
        for (String bad : List.of("VERIFIED", "strong", "")) {
            CliTestRun r = run("--evidence", bad);
            assertEquals(ExitCode.BAD_INPUT, r.exitCode(), bad + ": " + r.err());
            assertTrue(r.err().contains("--evidence: '" + bad + "' is not an evidence level; use PROVED, AGREED or "
                    + "TRUSTED"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    @DisplayName("table: an EVIDENCE column, and a TRUSTED record's verdict printed with its weaker evidence")
    void tableShowsEvidenceAndQualifiesTrustedVerdicts() {
        CliTestRun r = run();
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("ID +MODE +MODEL +TEE +BLOCK +EVIDENCE +VERDICT"), lines[0]);
        String proved = line(lines, id(0));
        String agreed = line(lines, id(1));
        String trusted = line(lines, id(2));
        assertTrue(proved.matches(".* PROVED +VERIFIED"), proved);
        assertTrue(agreed.matches(".* AGREED +VERIFIED"), agreed);
        assertTrue(trusted.matches(".* TRUSTED +VERIFIED \\(one endpoint, not proved\\)"), trusted);
        assertTrue(line(lines, id(5)).matches(".* TRUSTED +-"), "no verdict, nothing to qualify");
    }

    @Test
    @DisplayName("--csv: evidence and evidenceDetail are the last two columns")
    void csvColumns() {
        CliTestRun r = run("--csv", "--evidence", "agreed");
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].endsWith(",syncNote,evidence,evidenceDetail"), lines[0]);
        assertEquals(11, lines.length);
        assertTrue(lines[1].endsWith(",AGREED,agreed by 2 of 3 endpoints"), lines[1]);
    }

    private static String line(String[] lines, RecordId id) {
        for (String l : lines) {
            if (l.startsWith(id.toString() + " ")) {
                return l.stripTrailing();
            }
        }
        throw new AssertionError("no line for " + id);
    }
}
