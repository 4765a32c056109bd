package io.proofdesk.domain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckDetailsTest {

    @Test
    void behavesAsTheLinkedHashMapOfTheSamePuts() {
        CheckDetails.Builder builder = CheckDetails.builder(2);  // grows past its expected size
        Map<String, String> expected = new LinkedHashMap<>();
        String[][] puts = {{"output.y", "EXACT"}, {"maxAbsError", "0.0"}, {"result", "EXACT"},
                {"maxAbsError", "1.5"}, {"note", null}};
        for (String[] p : puts) {
            builder.put(p[0], p[1]);
            expected.put(p[0], p[1]);
        }
        CheckDetails details = builder.build();
        assertEquals(expected, details);
        assertEquals(details, expected);
        assertEquals(expected.hashCode(), details.hashCode());
        assertEquals(expected.toString(), details.toString());
        assertEquals(List.of("output.y", "maxAbsError", "result", "note"), List.copyOf(details.keySet()),
                "a key put twice keeps its first place and its last value");
        assertEquals("1.5", details.get("maxAbsError"));
        assertTrue(details.containsKey("note"));
        assertNull(details.get("note"));
        assertFalse(details.containsKey("absent"));
        assertNull(details.get(42));
    }

    @Test
    void isImmutableAndKeptAsIsByACheckLine() {
        CheckDetails details = CheckDetails.builder(1).put("a", "1").build();
        assertThrows(UnsupportedOperationException.class, () -> details.put("b", "2"));
        assertThrows(UnsupportedOperationException.class, () -> details.entrySet().iterator().next().setValue("3"));
        assertThrows(UnsupportedOperationException.class, details::clear);
        CheckResult line = new CheckResult("x", CheckStatus.PASS, null, details);
        assertSame(details, line.details());
        assertEquals(new CheckResult("x", CheckStatus.PASS, null, Map.of("a", "1")), line);
        assertTrue(CheckDetails.builder(0).build().isEmpty());
    }

    @Test
    void aBuilderIsSpentByBuild() {
        CheckDetails.Builder builder = CheckDetails.builder(1).put("a", "1");
        builder.build();
        assertThrows(IllegalStateException.class, () -> builder.put("b", "2"));
    }
}
