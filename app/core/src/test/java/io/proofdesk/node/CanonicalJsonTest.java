package io.proofdesk.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.node.wire.InferRequestJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CanonicalJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    @DisplayName("keys are sorted at every depth and there is no whitespace")
    void sortedCompact() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", List.of(Map.of("y", true, "b", "x")));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("m", inner);
        outer.put("c", "é\"");
        assertEquals("{\"c\":\"é\\\"\",\"m\":{\"a\":[{\"b\":\"x\",\"y\":true}],\"z\":1}}", CanonicalJson.string(outer));
    }

    @Test
    @DisplayName("re-serialising a parsed canonical document gives the same bytes, float32 values included")
    void stableAfterParse() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            float f = Float.intBitsToFloat(rnd.nextInt());
            if (!Float.isFinite(f)) {
                continue;
            }
            byte[] first = CanonicalJson.bytes(Map.of("result", List.of(f, (double) f * 3, i)));
            JsonNode parsed = mapper.readTree(first);
            assertArrayEquals(first, CanonicalJson.bytes(parsed), () -> new String(first));
        }
    }

    @Test
    @DisplayName("the input hash covers the request exactly: a changed input changes the hash")
    void inputHash() {
        byte[] a = TeeRecordHashes.inputHash(new InferRequestJson("QmA", "{\"numbers\":[]}"));
        byte[] b = TeeRecordHashes.inputHash(new InferRequestJson("QmA", "{\"numbers\":[ ]}"));
        assertEquals(32, a.length);
        assertNotEquals(new java.math.BigInteger(1, a), new java.math.BigInteger(1, b));
        assertArrayEquals(a, TeeRecordHashes.inputHash(Map.of("model_inputs", "{\"numbers\":[]}", "ipfs_hash", "QmA")));
    }
}
