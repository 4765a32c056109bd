package io.proofdesk.attest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import java.util.Objects;

/**
 * What older tee-gateway builds signed: Python's {@code json.dumps(data, sort_keys=True)} of
 * {finish_reason, message: {role, content}, model, request_hash, timestamp}, UTF-8.
 */
public record LegacySignedResponse(String finishReason, String role, String content, String model,
                                   String requestHash, String timestamp) {

    public LegacySignedResponse {
        Objects.requireNonNull(finishReason, "finish_reason");
        Objects.requireNonNull(role, "message.role");
        Objects.requireNonNull(content, "message.content");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(requestHash, "request_hash");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public byte[] canonicalJson() {
        Map<String, Object> data = Map.of(
                "finish_reason", finishReason,
                "message", Map.of("role", role, "content", content),
                "model", model,
                "request_hash", requestHash,
                "timestamp", timestamp);
        try {
            return PythonJson.sortedDumpsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialize", e);
        }
    }
}
