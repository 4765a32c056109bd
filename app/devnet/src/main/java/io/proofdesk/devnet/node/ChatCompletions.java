package io.proofdesk.devnet.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.devnet.http.HttpError;
import io.proofdesk.gateway.ChatRequestHashes;
import io.proofdesk.node.wire.ChatExchange;
import io.proofdesk.gateway.GatewayUncheckableException;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/**
 * A demo node's {@code POST /v1/chat/completions}, laid out and signed as OpenGradient's tee-gateway answers
 * ({@code tee_gateway/controllers/chat_controller.py}): the answer from {@link DemoTextGenerator}, then
 * {@code tee_request_hash} = keccak256 of the request's sorted-keys JSON, {@code tee_output_hash} = keccak256 of the
 * content, {@code tee_signature} = RSA-PSS over keccak256(both ‖ uint256 timestamp), {@code tee_id}. The node signs
 * with its signing key, so a BAD_SIGNATURE node's answers do not verify under its registered key.
 */
final class ChatCompletions {

    static final String OBJECT = "chat.completion";

    private final NodeIdentity identity;
    private final Clock clock;
    private final ObjectMapper json;

    ChatCompletions(NodeIdentity identity, Clock clock, ObjectMapper json) {
        this.identity = identity;
        this.clock = clock;
        this.json = json;
    }

    ObjectNode answer(byte[] body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            throw HttpError.badRequest("body is not JSON: " + e.getMessage());
        }
        if (!ChatExchange.isChatRequest(request) || !request.has("messages")) {
            throw HttpError.badRequest("a chat completion request needs a model string and a messages list");
        }
        byte[] inputHash;
        try {
            inputHash = ChatRequestHashes.currentChat(request);
        } catch (GatewayUncheckableException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        String content = DemoTextGenerator.answer(request.get("messages").toString());
        byte[] outputHash = Hash.sha3(content.getBytes(StandardCharsets.UTF_8));
        long timestamp = clock.instant().getEpochSecond();
        byte[] signature = identity.signingKey().signSettlement(inputHash, outputHash, BigInteger.valueOf(timestamp));
        ObjectNode out = json.createObjectNode();
        out.put("id", "chatcmpl-" + Numeric.toHexStringNoPrefix(outputHash).substring(0, 24));
        out.put("object", OBJECT);
        out.put("created", timestamp);
        out.put("model", request.get("model").textValue());
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        choice.put("finish_reason", "stop");
        out.put("tee_signature", Base64.getEncoder().encodeToString(signature));
        out.put("tee_request_hash", Numeric.toHexStringNoPrefix(inputHash));
        out.put("tee_output_hash", Numeric.toHexStringNoPrefix(outputHash));
        out.put("tee_timestamp", timestamp);
        out.put("tee_id", identity.registeredKey().teeId().hex());
        return out;
    }
}
