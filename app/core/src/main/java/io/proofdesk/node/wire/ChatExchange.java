package io.proofdesk.node.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.attest.PythonJson;
import org.web3j.crypto.Hash;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A settled LLM record's published content: the chat (or completion) request a client sent to a TEE gateway and the
 * gateway's answer, as OpenGradient's x402 middleware hands them to the facilitator ({@code input}: the request
 * body parsed; {@code output}: the response body parsed, an OpenAI-shaped chat completion carrying the {@code tee_*}
 * fields — OpenGradient/x402 {@code python/x402/http/middleware/flask.py}) and the facilitator writes them to Walrus
 * ({@code createIndividualWalrusPayload} of OpenGradient/inference-facilitator {@code all_networks_shared.ts}). An
 * {@code output} that is a plain string is taken as the response text itself.
 *
 * <p>The settled hashes are the gateway's: {@code tee_request_hash} = keccak256 of the sorted-keys JSON of the
 * request dict the gateway rebuilds ({@code io.proofdesk.gateway.ChatRequestHashes}), {@code tee_output_hash} =
 * keccak256 of the UTF-8 response content (or of {@code json.dumps(tool_calls, sort_keys=True)} for a tool-call
 * answer, {@link #outputHash}).
 *
 * @param model        the model the request names
 * @param request      the request as published, compact JSON
 * @param response     the text whose keccak256 the output hash must be
 * @param responseWhat where {@code response} was read from, for check lines
 */
public record ChatExchange(String model, JsonNode requestJson, String request, String response,
                             String responseWhat) {

    private static final String CHOICE = "output.choices[0]";
    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The chat content of a settled blob, or empty when its {@code input} is no chat or completion request (an ONNX
     * record's {@code {ipfs_hash, model_inputs}}, for one).
     *
     * @throws IllegalArgumentException when the input is a chat request but the output holds no response text
     */
    public static Optional<ChatExchange> read(JsonNode input, JsonNode output) {
        if (!isChatRequest(input)) {
            return Optional.empty();
        }
        String model = input.get("model").textValue();
        String request = input.toString();
        if (output == null || output.isNull()) {
            throw new IllegalArgumentException("the blob's output is missing");
        }
        if (output.isTextual()) {
            return Optional.of(new ChatExchange(model, input, request, output.textValue(), "output"));
        }
        JsonNode choices = output.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new IllegalArgumentException("the blob's output has no choices[0] (it is not a chat completion)");
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (message != null && message.isObject()) {
            JsonNode toolCalls = message.get("tool_calls");
            if ("tool_calls".equals(choice.path("finish_reason").asText()) && toolCalls != null && toolCalls.isArray()
                    && !toolCalls.isEmpty()) {
                return Optional.of(new ChatExchange(model, input, request, pythonDumps(toolCalls),
                        "json.dumps(" + CHOICE + ".message.tool_calls, sort_keys=True)"));
            }
            JsonNode content = message.get("content");
            if (content == null || !content.isTextual()) {
                throw new IllegalArgumentException("the blob's " + CHOICE + ".message.content is not text");
            }
            return Optional.of(new ChatExchange(model, input, request, content.textValue(),
                    CHOICE + ".message.content"));
        }
        JsonNode text = choice.get("text");
        if (text != null && text.isTextual()) {
            return Optional.of(new ChatExchange(model, input, request, text.textValue(), CHOICE + ".text"));
        }
        throw new IllegalArgumentException("the blob's " + CHOICE + " has neither message.content nor text");
    }

    /** A JSON object with a {@code model} string and chat {@code messages} or a completion {@code prompt}. */
    public static boolean isChatRequest(JsonNode input) {
        return input != null && input.isObject() && input.path("model").isTextual()
                && (input.path("messages").isArray() || input.path("prompt").isTextual());
    }

    /** keccak256 of the UTF-8 response text: what {@code tee_output_hash} must be. */
    public byte[] outputHash() {
        return Hash.sha3(response.getBytes(StandardCharsets.UTF_8));
    }

    private static String pythonDumps(JsonNode node) {
        try {
            return PythonJson.sortedDumps(PLAIN.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("values read from JSON always write as JSON", e);
        }
    }
}
