package io.proofdesk.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.attest.LegacySignedResponse;
import io.proofdesk.attest.PythonJson;
import io.proofdesk.attest.TeeId;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises which tee-gateway format a response body is in and reads what its signature covers, exactly as the
 * gateway computed it (OpenGradient/tee-gateway: {@code tee_gateway/controllers/chat_controller.py} and
 * {@code completions_controller.py} for the current format, {@code server.py} of Dec 2025 for the legacy one,
 * {@code openapi_server/controllers/chat_controller.py} of Feb 2026 for the interim wrapper).
 */
final class GatewayResponseParser {

    private static final String CHOICE = "$.choices[0]";

    private final GatewayJson json;

    GatewayResponseParser(GatewayJson json) {
        this.json = json;
    }

    /**
     * @throws GatewayInputException       if a field the format needs is missing or malformed
     * @throws GatewayUncheckableException if the body is no signed format Proofdesk knows
     */
    SignedGatewayResponse parse(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("data:")) {
            throw new GatewayUncheckableException("a streamed response (text/event-stream): unsupported; ask the "
                    + "gateway without \"stream\": true, or save its last data: line's JSON together with the content");
        }
        JsonNode root = json.parse(body);
        if (!root.isObject()) {
            throw json.wrong("$", "is not a JSON object (it is " + GatewayJson.kind(root) + ")");
        }
        if (root.has("tee_signature")) {
            JsonNode ts = root.get("tee_timestamp");
            boolean interim = (ts != null && ts.isTextual()) || !root.has("tee_output_hash");
            return interim ? interim(root) : current(root);
        }
        if (root.has("signature") && root.has("request_hash")) {
            return legacyBody(root);
        }
        JsonNode fingerprint = root.get("system_fingerprint");
        if (fingerprint != null && fingerprint.isTextual() && fingerprint.textValue().strip().startsWith("{")) {
            return fingerprint(root, fingerprint.textValue());
        }
        throw new GatewayUncheckableException(unknown(root));
    }

    private String unknown(JsonNode root) {
        if (root.has("error")) {
            return "the gateway answered with an error, not a signed response: "
                    + GatewayJson.abbreviate(root.get("error").toString());
        }
        if ("chat.completion.chunk".equals(root.path("object").asText())) {
            return "one chunk of a streamed response: streamed responses are unsupported";
        }
        for (String field : new String[] {"tee_request_hash", "tee_output_hash", "tee_timestamp", "tee_id"}) {
            if (root.has(field)) {
                throw json.wrong("$.tee_signature", "is missing (the response has " + field + ")");
            }
        }
        JsonNode fp = root.get("system_fingerprint");
        String note = fp != null && fp.isTextual()
                ? " (its system_fingerprint '" + GatewayJson.abbreviate(fp.textValue()) + "' is the model provider's)"
                : "";
        return "unknown format: no tee_signature, no signature and no signed system_fingerprint" + note
                + "; this is not a response signed by a TEE gateway";
    }

    private SignedGatewayResponse current(JsonNode root) {
        JsonNode choice = onlyChoice(root);
        boolean completion = "text_completion".equals(root.path("object").asText())
                || (!choice.has("message") && choice.has("text"));
        String output;
        String what;
        GatewayFormat format;
        if (completion) {
            format = GatewayFormat.CURRENT_COMPLETION;
            output = json.text(choice, "text", CHOICE + ".text");
            what = CHOICE + ".text";
        } else {
            format = GatewayFormat.CURRENT_CHAT;
            JsonNode message = json.object(choice, "message", CHOICE + ".message");
            JsonNode toolCalls = message.get("tool_calls");
            boolean tools = "tool_calls".equals(choice.path("finish_reason").asText())
                    && toolCalls != null && toolCalls.isArray() && !toolCalls.isEmpty();
            if (tools) {
                output = dumps(toolCalls);
                what = "json.dumps(" + CHOICE + ".message.tool_calls, sort_keys=True)";
            } else {
                output = json.text(message, "content", CHOICE + ".message.content");
                what = CHOICE + ".message.content";
            }
        }
        JsonNode ts = json.required(root, "tee_timestamp", "$.tee_timestamp");
        if (!ts.isIntegralNumber() || ts.bigIntegerValue().signum() < 0) {
            throw json.wrong("$.tee_timestamp", "is not a unix time in whole seconds (it is " + ts + ")");
        }
        String teeId = null;
        if (root.hasNonNull("tee_id")) {
            String id = json.text(root, "tee_id", "$.tee_id");
            try {
                teeId = TeeId.fromHex(id.startsWith("0x") ? id : "0x" + id).hex();
            } catch (IllegalArgumentException e) {
                throw json.wrong("$.tee_id", "is not a TEE id (0x + 64 hex digits): '" + GatewayJson.abbreviate(id) + "'");
            }
        }
        return new SignedGatewayResponse.HashSigned(format, teeId, ts.bigIntegerValue(),
                json.hash32(root, "tee_request_hash", "$.tee_request_hash"),
                json.hash32(root, "tee_output_hash", "$.tee_output_hash"),
                json.base64(root, "tee_signature", "$.tee_signature"), output, what);
    }

    /** The Feb 2026 wrapper passed the legacy gateway's message, model and finish_reason through unchanged. */
    private SignedGatewayResponse interim(JsonNode root) {
        JsonNode choice = onlyChoice(root);
        JsonNode message = json.object(choice, "message", CHOICE + ".message");
        String requestHash = json.text(root, "tee_request_hash", "$.tee_request_hash");
        String timestamp = json.text(root, "tee_timestamp", "$.tee_timestamp");
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("finish_reason", GatewayJson.plain(json.required(choice, "finish_reason", CHOICE + ".finish_reason")));
        signed.put("message", GatewayJson.plain(message));
        signed.put("model", GatewayJson.plain(json.required(root, "model", "$.model")));
        signed.put("request_hash", requestHash);
        signed.put("timestamp", timestamp);
        return new SignedGatewayResponse.JsonSigned(GatewayFormat.INTERIM_CHAT, pythonBytes(signed), requestHash,
                timestamp, json.base64(root, "tee_signature", "$.tee_signature"));
    }

    /** The gateway's own Dec 2025 body: the signed fields are top-level, next to signature and usage. */
    private SignedGatewayResponse legacyBody(JsonNode root) {
        String requestHash = json.text(root, "request_hash", "$.request_hash");
        String timestamp = json.text(root, "timestamp", "$.timestamp");
        Map<String, Object> signed = new LinkedHashMap<>();
        GatewayFormat format;
        if (root.has("completion")) {
            format = GatewayFormat.LEGACY_COMPLETION;
            signed.put("completion", GatewayJson.plain(root.get("completion")));
        } else {
            format = GatewayFormat.LEGACY_CHAT;
            signed.put("finish_reason", GatewayJson.plain(json.required(root, "finish_reason", "$.finish_reason")));
            signed.put("message", GatewayJson.plain(json.object(root, "message", "$.message")));
        }
        signed.put("model", GatewayJson.plain(json.required(root, "model", "$.model")));
        signed.put("request_hash", requestHash);
        signed.put("timestamp", timestamp);
        return new SignedGatewayResponse.JsonSigned(format, pythonBytes(signed), requestHash, timestamp,
                json.base64(root, "signature", "$.signature"));
    }

    /** Dec 2025 responses in OpenAI's shape: {@code system_fingerprint} is Python's str() of the signature dict. */
    private SignedGatewayResponse fingerprint(JsonNode root, String literal) {
        Map<String, String> dict;
        try {
            dict = PythonDictLiteral.parse(literal);
        } catch (PythonDictLiteral.SyntaxException e) {
            throw json.wrong("$.system_fingerprint", "is not a simple Python dict of strings: " + e.getMessage());
        }
        for (String key : new String[] {"response_signature", "request_signature", "response_timestamp"}) {
            if (!dict.containsKey(key)) {
                throw json.wrong("$.system_fingerprint", "has no '" + key + "'");
            }
        }
        JsonNode choice = onlyChoice(root);
        JsonNode message = json.object(choice, "message", CHOICE + ".message");
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray() && !toolCalls.isEmpty()) {
            throw new GatewayUncheckableException("a legacy system_fingerprint response with tool calls: unsupported "
                    + "(the gateway signed its own tool-call objects, which this shape does not carry)");
        }
        String role = message.hasNonNull("role") ? json.text(message, "role", CHOICE + ".message.role") : "assistant";
        LegacySignedResponse signed = new LegacySignedResponse(
                json.text(choice, "finish_reason", CHOICE + ".finish_reason"), role,
                json.text(message, "content", CHOICE + ".message.content"), json.text(root, "model", "$.model"),
                dict.get("request_signature"), dict.get("response_timestamp"));
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(dict.get("response_signature"));
        } catch (IllegalArgumentException e) {
            throw json.wrong("$.system_fingerprint", "'response_signature' is not base64: " + e.getMessage());
        }
        return new SignedGatewayResponse.JsonSigned(GatewayFormat.LEGACY_FINGERPRINT, signed.canonicalJson(),
                dict.get("request_signature"), dict.get("response_timestamp"), signature);
    }

    private JsonNode onlyChoice(JsonNode root) {
        JsonNode choices = json.required(root, "choices", "$.choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw json.wrong("$.choices", "is not a list of at least one choice");
        }
        if (choices.size() > 1) {
            throw new GatewayUncheckableException(choices.size() + " choices: the gateway signs one, so this was "
                    + "not answered as the gateway answered it");
        }
        JsonNode choice = choices.get(0);
        if (!choice.isObject()) {
            throw json.wrong(CHOICE, "is not a JSON object");
        }
        return choice;
    }

    private static String dumps(JsonNode node) {
        return new String(pythonBytes(GatewayJson.plain(node)), StandardCharsets.US_ASCII);
    }

    private static byte[] pythonBytes(Object value) {
        try {
            return PythonJson.sortedDumpsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("values read from JSON always write as JSON", e);
        }
    }
}
