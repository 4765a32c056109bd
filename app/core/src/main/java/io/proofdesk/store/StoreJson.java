package io.proofdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.proofdesk.domain.CheckResult;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON the store keeps in text columns (shapes, string tensors, proofs, check lines, environments). */
final class StoreJson {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<CheckResult>> CHECKS = new TypeReference<>() { };

    private final ObjectMapper mapper = new ObjectMapper();
    // readers made once: readValue with a TypeReference resolves the generic type on every call, and a verification
    // reads a record's proof and tensor shapes for every record
    private final ObjectReader strings = mapper.readerFor(STRINGS);
    private final ObjectReader checksReader = mapper.readerFor(CHECKS);
    private final ObjectWriter checksWriter = mapper.writerFor(CHECKS);
    private final ConcurrentHashMap<Class<?>, ObjectReader> byClass = new ConcurrentHashMap<>();
    /** The environment last encoded and its JSON: a batch's verdicts share one environment object. */
    private volatile Encoded lastEnvironment;

    private record Encoded(Object value, String json) {
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A verdict's check lines, in order, as verdicts.checks keeps them: one Jackson writer made once. */
    String writeChecks(List<CheckResult> checks) {
        try {
            return checksWriter.writeValueAsString(checks);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode check lines as JSON", e);
        }
    }

    List<CheckResult> readChecks(String json, String where) {
        try {
            List<CheckResult> checks = checksReader.readValue(json);
            if (checks == null || checks.contains(null)) {
                throw new StoreException("malformed check lines in " + where + ": null where a line belongs");
            }
            return List.copyOf(checks);
        } catch (JsonProcessingException e) {
            throw new StoreException("malformed JSON in " + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** As {@link #write}, remembering the last value (a batch encodes the same environment for every verdict). */
    String writeEnvironment(Object environment) {
        Encoded last = lastEnvironment;
        if (last != null && last.value() == environment) {
            return last.json();
        }
        String json = write(environment);
        lastEnvironment = new Encoded(environment, json);
        return json;
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
}
