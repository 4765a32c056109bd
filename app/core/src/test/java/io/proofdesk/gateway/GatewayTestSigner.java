package io.proofdesk.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.attest.PublicKeys;
import io.proofdesk.attest.PythonJson;
import io.proofdesk.attest.TeeId;
import io.proofdesk.attest.TeeSignatures;
import org.web3j.crypto.Hash;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TEE gateway in miniature for tests: an RSA-2048 key (e = 65537, as tee_manager.py makes it) and response bodies
 * laid out and signed as tee-gateway's controllers lay them out and sign them.
 */
final class GatewayTestSigner {

    static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair keys;

    private GatewayTestSigner(KeyPair keys) {
        this.keys = keys;
    }

    static GatewayTestSigner generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
            return new GatewayTestSigner(g.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    String pem() {
        return PublicKeys.toPem(keys.getPublic());
    }

    String teeId() {
        return TeeId.of(keys.getPublic()).hex();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** chat_controller._create_non_streaming_response's body for a text answer. */
    ObjectNode chat(JsonNode request, String content, long timestamp) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", content);
        return current(request, message, "stop", content, timestamp, false);
    }

    /** The same for a tool-call answer: the output hash is over json.dumps(tool_calls, sort_keys=True). */
    ObjectNode toolCalls(JsonNode request, ArrayNode calls, long timestamp) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", "");
        message.set("tool_calls", calls);
        String output;
        try {
            output = PythonJson.sortedDumps(JSON.treeToValue(calls, Object.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return current(request, message, "tool_calls", output, timestamp, false);
    }

    /** completions_controller.create_completion's body. */
    ObjectNode completion(JsonNode request, String text, long timestamp) {
        return current(request, JSON.createObjectNode().put("text", text), "stop", text, timestamp, true);
    }

    private ObjectNode current(JsonNode request, ObjectNode messageOrText, String finish, String output, long ts,
                               boolean completion) {
        Object plain = GatewayJson.plain(request);
        byte[] inputHash = GatewayRequests.keccak(completion ? GatewayRequests.currentCompletion(plain)
                : GatewayRequests.currentChat(plain));
        byte[] outputHash = Hash.sha3(output.getBytes(StandardCharsets.UTF_8));
        byte[] sig = sign(TeeSignatures.settlementPss(),
                TeeSignatures.settlementMessageHash(inputHash, outputHash, BigInteger.valueOf(ts)));
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-test").put("object", completion ? "text_completion" : "chat.completion")
                .put("created", ts).put("model", request.path("model").asText());
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        if (completion) {
            choice.put("text", messageOrText.get("text").textValue());
        } else {
            choice.set("message", messageOrText);
        }
        choice.put("finish_reason", finish);
        body.put("tee_signature", Base64.getEncoder().encodeToString(sig))
                .put("tee_request_hash", HexFormat.of().formatHex(inputHash))
                .put("tee_output_hash", HexFormat.of().formatHex(outputHash))
                .put("tee_timestamp", ts)
                .put("tee_id", teeId());
        return body;
    }

    /** The Dec 2025 server.py body for a chat answer, signed over its sorted-keys JSON. */
    ObjectNode legacyBody(JsonNode request, String content, String isoTime) {
        return legacyBody(request, content, isoTime, 100);
    }

    /** @param maxTokensDefault the build's max_tokens for requests without it: 100 (Dec 16, 2025) or null (Dec 29 on) */
    ObjectNode legacyBody(JsonNode request, String content, String isoTime, Integer maxTokensDefault) {
        String requestHash = HexFormat.of().formatHex(GatewayRequests.sha256(
                LegacyGatewayRequests.legacyChat(GatewayJson.plain(request), maxTokensDefault)));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", content);
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("message", message);
        signed.put("model", request.path("model").asText());
        signed.put("finish_reason", "stop");
        signed.put("request_hash", requestHash);
        signed.put("timestamp", isoTime);
        ObjectNode body = JSON.valueToTree(signed);
        body.set("usage", JSON.createObjectNode().put("prompt_tokens", 9).put("completion_tokens", 3));
        body.put("signature", Base64.getEncoder().encodeToString(signLegacy(signed)));
        return body;
    }

    /** The Feb 2026 wrapper around the legacy body: OpenAI's shape, the legacy fields renamed tee_*. */
    ObjectNode interim(JsonNode request, String content, String isoTime) {
        ObjectNode legacy = legacyBody(request, content, isoTime);
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1771000000L)
                .put("model", legacy.get("model").textValue());
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("message", legacy.get("message"));
        choice.put("finish_reason", "stop");
        body.put("tee_signature", legacy.get("signature").textValue())
                .put("tee_request_hash", legacy.get("request_hash").textValue())
                .put("tee_timestamp", isoTime);
        return body;
    }

    byte[] signLegacy(Object signed) {
        try {
            return sign(TeeSignatures.legacyPss(publicKey()), PythonJson.sortedDumpsBytes(signed));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] sign(PSSParameterSpec spec, byte[] message) {
        try {
            Signature s = Signature.getInstance("RSASSA-PSS");
            s.initSign(keys.getPrivate());
            s.setParameter(spec);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
