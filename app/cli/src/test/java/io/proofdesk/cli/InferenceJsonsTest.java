package io.proofdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.JsonTensor;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `proofdesk inference ID --json` prints a ModelOutput's jsons documents as parsed JSON (type JSON), string tensors
 * as strings and numbers as decimal strings, through a real store; a document that does not parse is printed as its
 * text with a note, and the record still prints.
 */
class InferenceJsonsTest {

    @TempDir
    Path dir;

    @Test
    void jsonsArePrintedParsedAndAnUnparseableOneAsTextWithANote() throws Exception {
        RecordId id = RecordId.of("0x" + "ab".repeat(32), 3);
        List<Tensor> outputs = List.of(
                Tensor.ofDoubles("score", new long[] {2}, new double[] {0.25, -3}),
                Tensor.ofStrings("label", new long[] {1}, List.of("{\"looks\": \"like json\"}")),
                JsonTensor.of("meta", "{\"label\": \"good\", \"p\": [0.5, 1e-3], \"n\": null}"),
                JsonTensor.of("broken", "{\"label\": "),
                JsonTensor.of("two", "1 2"));
        try (Store store = Store.open(new DataDirectory(dir))) {
            store.inTransaction(tx -> tx.saveInferences(List.of(new Inference(id, InferenceMode.VANILLA, "QmModel",
                    null, null, null, SettlementKind.ONCHAIN, 7, Instant.ofEpochSecond(1_764_000_000L), null, null,
                    null, Bytes.empty(), null, null, List.of(), List.of(), outputs, null))));
        }
        CliTestRun run = CliTestRun.of("inference", id.toString(), "--json", "--data-dir", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = new ObjectMapper().readTree(run.out()).get("outputs");
        assertEquals(5, out.size());

        assertEquals("DOUBLE", out.get(0).get("type").asText());
        assertEquals("0.25", out.get(0).get("values").get(0).asText());
        assertTrue(out.get(0).get("values").get(1).isTextual(), "numbers are exact decimal strings");
        assertEquals("-3", out.get(0).get("values").get(1).asText());

        // a string tensor stays a string, even when its text looks like JSON
        assertEquals("STRING", out.get(1).get("type").asText());
        assertEquals("{\"looks\": \"like json\"}", out.get(1).get("values").get(0).asText());

        JsonNode meta = out.get(2);
        assertEquals("meta", meta.get("name").asText());
        assertEquals("JSON", meta.get("type").asText());
        assertEquals(new ObjectMapper().readTree("{\"label\": \"good\", \"p\": [0.5, 1e-3], \"n\": null}"),
                meta.get("values").get(0));
        assertTrue(meta.get("values").get(0).isObject());
        assertFalse(meta.has("note"));

        for (int k : new int[] {3, 4}) {
            JsonNode bad = out.get(k);
            assertEquals("JSON", bad.get("type").asText());
            assertTrue(bad.get("values").get(0).isTextual());
            assertTrue(bad.get("note").asText().startsWith("not valid JSON ("), bad.toString());
            assertTrue(bad.get("note").asText().endsWith("); printed as the text stored"), bad.toString());
        }
        assertEquals("{\"label\": ", out.get(3).get("values").get(0).asText());
        assertEquals("1 2", out.get(4).get("values").get(0).asText());

        CliTestRun text = CliTestRun.of("inference", id.toString(), "--data-dir", dir.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("output       meta JSON [1] = [{\"label\":\"good\",\"p\":[0.5,0.001],\"n\":null}]"),
                text.out());
    }
}
