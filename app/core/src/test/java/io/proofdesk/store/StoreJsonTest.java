package io.proofdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The check details writer (Jackson, made once) gives what Jackson's plain mapper gives for any map the checks
 * hand it — {@code LinkedHashMap}, {@code Map.of}, the checks' own {@link io.proofdesk.domain.CheckDetails} — so
 * every stored check line keeps the text it has had so far.
 */
class StoreJsonTest {

    private final StoreJson json = new StoreJson();
    private final ObjectMapper jackson = new ObjectMapper();

    @Test
    @DisplayName("every UTF-16 unit, alone and amid text, is written as Jackson writes it")
    void everyCharacter() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            m.put("k" + c, "a" + (char) c + "b");
            m.put(String.valueOf((char) c), "" + (char) c);
        }
        assertEquals(jackson.writeValueAsString(m), json.writeStringMap(m));
    }

    @Test
    @DisplayName("random strings, surrogate pairs, null values, empty and immutable maps match Jackson")
    void randomMaps() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            Map<String, String> m = new LinkedHashMap<>();
            int size = r.nextInt(6);
            for (int i = 0; i < size; i++) {
                m.put(random(r), r.nextInt(8) == 0 ? null : random(r));
            }
            assertEquals(jackson.writeValueAsString(m), json.writeStringMap(m));
        }
        assertEquals("{}", json.writeStringMap(Map.of()));
        assertEquals(jackson.writeValueAsString(Map.of("maxUlp", "0")), json.writeStringMap(Map.of("maxUlp", "0")));
        Map<String, String> wrapped = Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("\ud83d\ude00", "\"\\")));
        assertEquals(jackson.writeValueAsString(wrapped), json.writeStringMap(wrapped));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("maxUlp", "0");
        details.put("result", "EXACT");
        assertEquals(jackson.writeValueAsString(details), json.writeStringMap(io.proofdesk.domain.CheckDetails.builder(2)
                .put("maxUlp", "0").put("result", "EXACT").build()));
    }

    @Test
    @DisplayName("a null key is refused as Jackson refuses it")
    void nullKey() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(null, "v");
        assertThrows(StoreException.class, () -> json.writeStringMap(m));
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
