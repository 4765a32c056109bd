package io.proofdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
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
    private final ObjectWriter stringMapWriter = mapper.writerFor(new TypeReference<Map<String, String>>() { });
    private final ConcurrentHashMap<Class<?>, ObjectReader> byClass = new ConcurrentHashMap<>();

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * A check line's details; a writer made once, as the readers are, because a batch's single writer encodes every
     * line of every verdict (the JSON is Jackson's: the project does not hand-write JSON).
     */
    String writeStringMap(Map<String, String> map) {
        try {
            return stringMapWriter.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode check details as JSON", e);
        }
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
