package io.proofdesk.attest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected texts are CPython 3.11's own output (json.dumps / repr), pasted or read from test resources. */
class PythonJsonTest {

    @Test
    void floatsAreWrittenAsPythonsRepr() throws Exception {
        List<Object> values = List.of(0.1, 1.0, 1e16, 1e15, 0.0001, 0.00001, 5e-324, 1.7976931348623157e308,
                123456789012345678.0, 0.9, -0.0, 100.0, 1e22, 9007199254740992.0, 1.0 / 3, 2.5e-5, -1.5e-7, 0.7,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 8.41e21, 5e-5);
        assertEquals("[0.1, 1.0, 1e+16, 1000000000000000.0, 0.0001, 1e-05, 5e-324, 1.7976931348623157e+308, "
                + "1.2345678901234568e+17, 0.9, -0.0, 100.0, 1e+22, 9007199254740992.0, 0.3333333333333333, 2.5e-05, "
                + "-1.5e-07, 0.7, NaN, Infinity, -Infinity, 8.41e+21, 5e-05]", PythonJson.sortedDumps(values));
    }

    @Test
    void everyDoubleOfThePythonMadeTableIsWrittenAsPythonWroteIt() throws Exception {
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/python/float-repr.txt")), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                String mine = PythonJson.floatRepr(d);
                if (!mine.equals(parts[1])) {
                    wrong.add(parts[0] + ": python " + parts[1] + ", proofdesk " + mine);
                }
                checked++;
            }
        }
        assertEquals(2900, checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void keysSortByCodePointAsPythonStrDoes() throws Exception {
        // U+FFFF sorts before U+1F600 in Python; in UTF-16 order the surrogate 0xD83D would come first
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("\uD83D\uDE00", 2);
        value.put("\uFFFF", 1);
        value.put("a", List.of(1, 2.0, true, "x\u00e9\uD83D\uDE0A"));
        assertEquals("{\"a\": [1, 2.0, true, \"x\\u00e9\\ud83d\\ude0a\"], \"\\uffff\": 1, \"\\ud83d\\ude00\": 2}",
                PythonJson.sortedDumps(value));
    }

    @Test
    void valuesReadByJacksonComeOutAsPythonsJsonLoadsThenDumps() throws Exception {
        // python3 -c 'import json; print(json.dumps(json.loads(S), sort_keys=True))'
        String json = "{\"t\": 1, \"f\": 1.50, \"e\": 1E2, \"big\": 123456789012345678901234567890, \"n\": null,"
                + " \"z\": -0.0, \"nested\": {\"b\": [], \"a\": {}}, \"s\": \"tab\\there\\u007f\"}";
        Object read = new ObjectMapper().readValue(json, Object.class);
        assertEquals("{\"big\": 123456789012345678901234567890, \"e\": 100.0, \"f\": 1.5, \"n\": null, "
                + "\"nested\": {\"a\": {}, \"b\": []}, \"s\": \"tab\\there\\u007f\", \"t\": 1, \"z\": -0.0}",
                PythonJson.sortedDumps(read));
        assertTrue(PythonJson.sortedDumpsBytes(read).length > 0);
    }
}
