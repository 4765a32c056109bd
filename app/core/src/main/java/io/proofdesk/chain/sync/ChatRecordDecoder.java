package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.domain.ChatText;
import io.proofdesk.node.wire.ChatExchange;

import java.util.List;

/**
 * The record a settled blob holding a chat request and its answer makes: an LLM record whose model is the one the
 * request names, with the request and response text kept (capped). A blob whose output holds no response text keeps
 * the model and says why.
 */
final class ChatRecordDecoder {

    private ChatRecordDecoder() {
    }

    /**
     * A {@code tee_*} hash the gateway's answer names (0x-prefixed, as the chain writes hashes), or null: what a batch
     * entry without its own {@code inputHash}/{@code outputHash} claims was settled. Never trusted by itself: the
     * batch-inclusion check ties it to the settled root.
     */
    static String answerField(JsonNode output, String field) {
        if (output == null || !output.path(field).isTextual()) {
            return null;
        }
        String v = output.get(field).textValue().trim();
        return v.startsWith("0x") ? v : "0x" + v;
    }

    static SettledRecordBuilder.Decoded decode(JsonNode input, JsonNode output) {
        String model = input.get("model").textValue();
        ChatExchange chat;
        try {
            chat = ChatExchange.read(input, output).orElseThrow();
        } catch (IllegalArgumentException e) {
            return new SettledRecordBuilder.Decoded(model, null, List.of(), List.of(),
                    "LLM record without its response text: " + e.getMessage());
        }
        ChatText text = new ChatText(chat.request(), chat.response());
        return new SettledRecordBuilder.Decoded(model, null, List.of(text.requestTensor()),
                List.of(text.responseTensor()), text.cut() ? "the request or response text was cut at "
                        + ChatText.MAX_CHARS + " characters to be stored (the blob keeps it whole)" : null);
    }
}
