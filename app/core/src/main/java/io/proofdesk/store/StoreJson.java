package io.proofdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON the store keeps in text columns (shapes, string tensors, proofs, details, environments). */
final class StoreJson {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() { };

    private final ObjectMapper mapper = new ObjectMapper();
    // readers made once: readValue with a TypeReference resolves the generic type on every call, and a verification
    // reads a record's proof and tensor shapes for every record
    private final ObjectReader strings = mapper.readerFor(STRINGS);
    private final ObjectReader stringMap = mapper.readerFor(STRING_MAP);
    private final ConcurrentHashMap<Class<?>, ObjectReader> byClass = new ConcurrentHashMap<>();

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * A check line's details, exactly as {@link #write} gives them (Jackson's compact form and escapes: quote,
     * backslash, and control characters, short forms where JSON has them), without a generator per call: a batch's
     * single writer encodes every line of every verdict. A null key is Jackson's to refuse.
     */
    String writeStringMap(Map<String, String> map) {
        StringBuilder out = new StringBuilder(64 * (map.size() + 1));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey() == null) {
                return write(map);  // (Map.of() answers containsKey(null) with an exception, so ask here)
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey());
            out.append(':');
            if (e.getValue() == null) {
                out.append("null");
            } else {
                quote(out, e.getValue());
            }
        }
        return out.append('}').toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                out.append(c);
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append('"');
    }

    <T> T read(String json, Class<T> type, String where) {
        try {
            return byClass.computeIfAbsent(type, mapper::readerFor).readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("malformed JSON in " + where + ": " + e.getOriginalMessage(), e);
        }
    }

    List<String> readStrings(String json, String where) {
        try {
            return strings.readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("malformed JSON in " + where + ": " + e.getOriginalMessage(), e);
        }
    }

    Map<String, String> readStringMap(String json, String where) {
        try {
            return stringMap.readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("malformed JSON in " + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
