package io.proofdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.domain.CheckDetails;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.VerificationEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A verdict's check lines as verdicts.checks keeps them: one JSON array of {name, status, reason, details} (the
 * shape the V6 migration builds from the old check_results rows), read back exactly, in order; a damaged column is
 * a clear store error.
 */
class StoreJsonTest {

    private final StoreJson json = new StoreJson();

    @Test
    @DisplayName("random check lines (any text, null reasons, empty, CheckDetails and plain maps) read back equal, in order")
    void checksRoundTrip() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            List<CheckResult> checks = new ArrayList<>();
            int lines = r.nextInt(6);
            for (int i = 0; i < lines; i++) {
                Map<String, String> details;
                if (r.nextBoolean()) {
                    CheckDetails.Builder b = CheckDetails.builder(3);
                    for (int k = r.nextInt(4); k > 0; k--) {
                        b.put(String.format("%02d", k) + random(r), random(r));
                    }
                    details = b.build();
                } else {
                    details = new LinkedHashMap<>();
                    for (int k = r.nextInt(4); k > 0; k--) {
                        details.put(random(r), r.nextInt(8) == 0 ? null : random(r));
                    }
                }
                checks.add(new CheckResult(random(r) + "x", CheckStatus.values()[r.nextInt(CheckStatus.values().length)],
                        r.nextInt(3) == 0 ? null : random(r), details));
            }
            List<CheckResult> back = json.readChecks(json.writeChecks(checks), "test");
            assertEquals(checks, back);
            for (int i = 0; i < checks.size(); i++) {
                assertEquals(List.copyOf(checks.get(i).details().keySet()), List.copyOf(back.get(i).details().keySet()),
                        "details keep their order");
            }
        }
    }

    @Test
    @DisplayName("the column holds name, status, reason and details per line, as the V6 migration writes it")
    void columnShape() throws Exception {
        String text = json.writeChecks(List.of(new CheckResult("model", CheckStatus.FAIL, "hash differs",
                CheckDetails.builder(1).put("cid", "Qm1").build())));
        JsonNode line = new ObjectMapper().readTree(text).get(0);
        assertEquals("model", line.get("name").asText());
        assertEquals("FAIL", line.get("status").asText());
        assertEquals("hash differs", line.get("reason").asText());
        assertEquals("Qm1", line.get("details").get("cid").asText());
        assertEquals(4, line.size());
    }

    @Test
    @DisplayName("damaged check columns are store errors that say where, never a half-read verdict")
    void damagedColumns() {
        for (String bad : List.of("", "{", "[", "[null]", "null", "[{\"name\":\"x\",\"status\":\"MAYBE\"}]",
                "[{\"status\":\"PASS\"}]", "[{\"name\":\"x\",\"status\":\"PASS\",\"details\":[1]}]", "{\"name\":\"x\"}")) {
            StoreException e = assertThrows(StoreException.class, () -> json.readChecks(bad, "checks of verdict 9"), bad);
            assertTrue(e.getMessage().contains("checks of verdict 9"), e.getMessage());
        }
    }

    @Test
    @DisplayName("a batch's shared environment is encoded once and reused; another one is encoded anew")
    void environmentReused() {
        VerificationEnvironment a = new VerificationEnvironment("1", "ort", "os", "cpu", "tol a");
        VerificationEnvironment b = new VerificationEnvironment("1", "ort", "os", "cpu", "tol b");
        String first = json.writeEnvironment(a);
        assertSame(first, json.writeEnvironment(a));
        assertEquals(json.write(b), json.writeEnvironment(b));
        assertEquals(first, json.write(a));
    }

    private static String random(SplittableRandom r) {
        List<Character> pool = new ArrayList<>(List.of('"', '\\', '\n', '\t', '\u0000', '\u001f', '\u007f', '/', 'é',
                '\u2028', '\ud83d', '\ude00', 'a', ' ', '<'));
        StringBuilder b = new StringBuilder();
        int len = r.nextInt(12);
        for (int i = 0; i < len; i++) {
            b.append(r.nextInt(3) == 0 ? (char) r.nextInt(0x10000) : pool.get(r.nextInt(pool.size())));
        }
        return b.toString();
    }
}
