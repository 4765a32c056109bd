package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.domain.ChatText;
import io.proofdesk.gateway.ChatSettlement;

import java.util.List;

/**
 * The record a settled blob holding a chat request and its answer makes: an LLM record whose model is the one the
 * request names, with the request and response text kept (capped). A blob whose output holds no response text keeps
 * the model and says why.
 */
final class ChatRecordDecoder {

    private ChatRecordDecoder() {
    }

    static SettledRecordBuilder.Decoded decode(JsonNode input, JsonNode output) {
        String model = input.get("model").textValue();
        ChatSettlement chat;
        try {
            chat = ChatSettlement.read(input, output).orElseThrow();
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
