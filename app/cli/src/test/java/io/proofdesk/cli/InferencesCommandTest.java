package io.proofdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.UnknownEvent;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `proofdesk inferences` on a real SQLite store: the JSON field contract, filters, CSV and streaming pages. */
class InferencesCommandTest {

    private static final String CID_1 = "QmbUqS93oc4JTLMHwpVxsE39mhNxy6hpf6Py3r9oANr8aZ";
    private static final String CID_2 = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
    private static final String TEE = "0x" + "ab".repeat(32);

    @TempDir
    Path dir;

    @BeforeEach
    void fill() {
        try (Store store = Store.open(new DataDirectory(dir))) {
            store.inTransaction(tx -> {
                tx.models().upsert(new Model("credit-mlp", null, "credit", null, null));
                tx.modelVersions().upsert(new ModelVersion("credit-mlp", "1.00", CID_1, null, null, null));
                tx.modelVersions().upsert(new ModelVersion("credit-mlp", "2.00", CID_2, null, null, null));
                List<Inference> rows = new ArrayList<>();
                for (int i = 0; i < 2500; i++) {
                    String tx32 = String.format("0x%064x", i + 1);
                    boolean tee = i % 2 == 0;
                    rows.add(new Inference(RecordId.of(tx32, i % 3), tee ? InferenceMode.TEE : InferenceMode.VANILLA,
                            i % 5 == 0 ? CID_2 : CID_1, i % 5 == 0 ? "2.00" : "1.00", tee ? TEE : null,
                            tee ? "https://node:1" : null, tee ? SettlementKind.INDIVIDUAL : SettlementKind.ONCHAIN, 10 + i,
                            Instant.ofEpochSecond(1_764_000_000L + i), null, null, null, Bytes.empty(), null, null,
                            List.of(), List.of(), List.of(), null));
                }
                rows.add(new Inference(RecordId.leaf(String.format("0x%064x", 99_999), 4, 7), InferenceMode.TEE, CID_1,
                        "1.00", TEE, null, SettlementKind.BATCH, 5000, Instant.ofEpochSecond(1_765_000_000L), null, null,
                        null, Bytes.empty(), null, "0x" + "11".repeat(32), List.of(), List.of(), List.of(), null));
                tx.saveInferences(rows);
                tx.saveVerdict(new VerdictRecord(RecordId.of(String.format("0x%064x", 1), 0), Verdict.MISMATCH, "forged",
                        Instant.now(), null, List.of(CheckResult.pass("record"),
                        new CheckResult("re-execution", CheckStatus.FAIL, "differs", Map.of()),
                        new CheckResult("attestation", CheckStatus.ERROR, "node down", Map.of()))));
                tx.syncNotes().insertAll(Map.of(RecordId.of(String.format("0x%064x", 2), 1), "blob missing"));
            });
        }
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("inferences", "--data-dir", dir.toString(), "--json"));
        all.addAll(List.of(args));
        CliTestRun run = CliTestRun.of(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    @DisplayName("--json: every row has the contract fields with the right types; all rows without --limit")
    void jsonContract() throws Exception {
        JsonNode rows = json();
        assertEquals(2501, rows.size(), "more than two pages: every row, streamed");
        for (JsonNode r : rows) {
            for (String f : List.of("id", "mode", "model", "tee", "txHash", "block", "timestamp", "verdict", "failedChecks")) {
                assertTrue(r.has(f), "field " + f + " in " + r);
            }
            assertTrue(r.get("mode").asText().matches("VANILLA|TEE|ZKML"));
            assertTrue(r.get("failedChecks").isArray());
            assertTrue(r.get("block").isIntegralNumber());
            assertTrue(r.get("id").asText().startsWith(r.get("txHash").asText() + ":"));
        }
        JsonNode first = rows.get(0);
        assertEquals(String.format("0x%064x", 1) + ":0", first.get("id").asText());
        assertEquals("MISMATCH", first.get("verdict").asText());
        assertEquals(List.of("re-execution", "attestation"), new ObjectMapper().convertValue(first.get("failedChecks"), List.class));
        assertEquals(TEE, first.get("tee").asText());
        assertEquals("credit-mlp", first.get("modelName").asText());
        assertTrue(rows.get(1).get("tee").isNull() && rows.get(1).get("verdict").isNull());
        assertEquals(0, rows.get(1).get("failedChecks").size());
        assertEquals("blob missing", rows.get(1).get("syncNote").asText());
        assertEquals("2025-11-24T16:00:00Z", first.get("timestamp").asText());
        JsonNode leaf = rows.get(rows.size() - 1);
        assertEquals(String.format("0x%064x", 99_999) + ":4#7", leaf.get("id").asText());
        assertEquals(7, leaf.get("leafIndex").asInt());
    }

    @Test
    @DisplayName("filters: model by name or CID and version, TEE, mode, settlement, verdict, blocks, id prefix or part, limit")
    void filters() throws Exception {
        assertEquals(2501, json("--model", "credit-mlp").size());
        assertEquals(500, json("--model", "credit-mlp", "--version", "2.00").size());
        assertEquals(500, json("--model", CID_2).size());
        assertEquals(1251, json("--tee", TEE.toUpperCase().replace("0X", "0x")).size());
        assertEquals(1250, json("--mode", "vanilla").size());
        assertEquals(1, json("--settlement", "batch").size());
        assertEquals(1, json("--verdict", "MISMATCH").size());
        assertEquals(2500, json("--verdict", "none").size());
        assertEquals(11, json("--from-block", "10", "--to-block", "20").size());
        assertEquals(1, json("--id-prefix", String.format("0x%064x", 7)).size());
        // the tail of an id as the desktop shows it, and a leaf, anywhere in the id
        JsonNode tail = json("--id-contains", "09c4:0");
        assertEquals(1, tail.size());
        assertEquals(String.format("0x%064x", 0x9c4) + ":0", tail.get(0).get("id").asText());
        assertEquals(1, json("--id-contains", ":4#7").size());
        assertEquals(833, json("--id-contains", ":1").size(), "log index 1: every third record");
        assertEquals(416, json("--id-contains", ":1", "--mode", "tee").size(), "combined with another filter");
        assertEquals(3, json("--limit", "3").size());
        assertEquals(1250, json("--node", "https://node:1").size());
    }

    @Test
    @DisplayName("bad filter values are bad input (exit 3) with a sentence")
    void badInput() {
        CliTestRun run = CliTestRun.of("inferences", "--data-dir", dir.toString(), "--mode", "FAST");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("bad filter value"), run.err());
        run = CliTestRun.of("inferences", "--data-dir", dir.toString(), "--model", "no-such-model");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("no model named 'no-such-model'"), run.err());
        run = CliTestRun.of("inferences", "--data-dir", dir.toString(), "--json", "--csv");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    }

    @Test
    @DisplayName("--csv has a header and one quoted-where-needed line per row; the table ends with a count")
    void csvAndTable() {
        CliTestRun csv = CliTestRun.of("inferences", "--data-dir", dir.toString(), "--csv", "--limit", "2");
        assertEquals(0, csv.exitCode(), csv.err());
        String[] lines = csv.out().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("id,mode,model,"));
        assertTrue(lines[1].contains(",MISMATCH,re-execution;attestation,"), lines[1]);
        CliTestRun table = CliTestRun.of("inferences", "--data-dir", dir.toString(), "--limit", "5");
        assertTrue(table.out().trim().endsWith("5 inferences"), table.out());
        assertTrue(table.out().contains("credit-mlp@1.00"), table.out());
    }

    @Test
    @DisplayName("a log of an unknown event version is listed with that status and its raw log, never hidden")
    void unknownEventVersionsAreListed() throws Exception {
        String tx = "0x" + "cd".repeat(32);
        String topic0 = "0x" + "9a".repeat(32);
        try (Store store = Store.open(new DataDirectory(dir))) {
            store.inTransaction(t -> t.unknownEvents().insertAll(List.of(new UnknownEvent(6000, 3, tx,
                    "0x8383c9bd7462f12eb996dd02f78234c0421a6fae", List.of(topic0, "0x" + "01".repeat(32)),
                    "0x00ff"))));
        }
        JsonNode rows = json();
        assertEquals(2502, rows.size());
        JsonNode u = rows.get(2501);
        assertEquals(tx + ":3", u.get("id").asText());
        assertEquals("unknown event version", u.get("status").asText());
        assertTrue(u.get("mode").isNull() && u.get("verdict").isNull(), u.toString());
        assertEquals(6000, u.get("block").asLong());
        assertEquals(topic0, u.get("topics").get(0).asText());
        assertEquals("0x00ff", u.get("data").asText());
        assertEquals("0x8383c9bd7462f12eb996dd02f78234c0421a6fae", u.get("contract").asText());
        // a filtered listing is about records; the unknown log matches no record filter
        assertEquals(1250, json("--mode", "vanilla").size());

        CliTestRun table = CliTestRun.of("inferences", "--data-dir", dir.toString());
        assertTrue(table.out().contains(tx + ":3") && table.out().contains("unknown event version (contract "
                + "0x8383c9bd7462f12eb996dd02f78234c0421a6fae, topic0 " + topic0 + ")"), table.out());
        assertTrue(table.out().trim().endsWith("2501 inferences, 1 logs of an unknown event version"), table.out());
        CliTestRun csv = CliTestRun.of("inferences", "--data-dir", dir.toString(), "--csv");
        // the note holds a comma, so RFC 4180 quotes it; the evidence cells of a log that is no record are empty
        assertTrue(csv.out().trim().endsWith(",\"unknown event version (contract "
                + "0x8383c9bd7462f12eb996dd02f78234c0421a6fae, topic0 " + topic0 + ")\",,"), csv.out());
    }
}
