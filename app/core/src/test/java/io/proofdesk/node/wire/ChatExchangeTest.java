package io.proofdesk.node.wire;

import io.proofdesk.gateway.ChatRequestHashes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a settled LLM record's chat, and hashing it as the TEE gateway does. */
class ChatExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode resource(String path) throws IOException {
        try (InputStream in = ChatExchangeTest.class.getResourceAsStream("/opengradient/" + path)) {
            return JSON.readTree(in);
        }
    }

    @Test
    @DisplayName("the facilitator's individual blob: model, request and the answer's content are read")
    void individualBlob() throws Exception {
        JsonNode blob = resource("settlement/individual-chat-blob.json");
        ChatExchange chat = ChatExchange.read(blob.get("input"), blob.get("output")).orElseThrow();
        assertEquals("gpt-4.1", chat.model());
        assertEquals("That the leaf was in the tree whose root was settled.", chat.response());
        assertEquals("output.choices[0].message.content", chat.responseWhat());
        assertEquals(blob.get("input"), JSON.readTree(chat.request()));
        assertArrayEquals(Hash.sha3(chat.response().getBytes(StandardCharsets.UTF_8)), chat.outputHash());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"current-chat-tools.json", "current-chat-response-format.json",
            "current-completion-defaults.json", "current-completion-null-temperature.json"})
    @DisplayName("the request hashes to keccak256 of the text tee-gateway's own code hashes")
    void requestHashIsTheGatewaysHash(String file) throws Exception {
        JsonNode request = resource("gateway/requests/" + file);
        String canonical = resource("gateway/requests/canonical.json").get(file).textValue();
        byte[] expected = Hash.sha3(canonical.getBytes(StandardCharsets.UTF_8));
        assertTrue(ChatExchange.isChatRequest(request));
        assertTrue(ChatRequestHashes.of(request).forms().stream().anyMatch(f -> java.util.Arrays.equals(f, expected)),
                file + ": none of the forms is keccak256 of " + canonical);
    }

    @Test
    @DisplayName("a tool-call answer hashes json.dumps(tool_calls, sort_keys=True); a completion its text")
    void toolCallsAndCompletions() throws Exception {
        JsonNode request = JSON.readTree("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        JsonNode tools = JSON.readTree("{\"choices\":[{\"finish_reason\":\"tool_calls\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"\",\"tool_calls\":[{\"type\":\"function\",\"id\":\"c1\",\"function\":"
                + "{\"name\":\"f\",\"arguments\":\"{}\"}}]}}]}");
        ChatExchange t = ChatExchange.read(request, tools).orElseThrow();
        assertEquals("[{\"function\": {\"arguments\": \"{}\", \"name\": \"f\"}, \"id\": \"c1\", \"type\": \"function\"}]",
                t.response());
        JsonNode completion = JSON.readTree("{\"model\":\"m\",\"prompt\":\"Once\"}");
        JsonNode text = JSON.readTree("{\"object\":\"text_completion\",\"choices\":[{\"text\":\" upon a time\"}]}");
        assertEquals(" upon a time", ChatExchange.read(completion, text).orElseThrow().response());
        assertEquals("plain", ChatExchange.read(request, JSON.getNodeFactory().textNode("plain")).orElseThrow()
                .response());
    }

    @Test
    @DisplayName("an ONNX record's input is no chat; a chat without an answer is a clear error")
    void notChatAndBroken() throws Exception {
        JsonNode onnx = JSON.readTree("{\"ipfs_hash\":\"Qm\",\"model_inputs\":\"{}\"}");
        assertEquals(Optional.empty(), ChatExchange.read(onnx, JSON.readTree("[]")));
        ObjectNode request = (ObjectNode) JSON.readTree("{\"model\":\"m\",\"messages\":[]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChatExchange.read(request, JSON.readTree("{\"error\":\"x\"}")));
        assertTrue(e.getMessage().contains("choices[0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChatExchange.read(request, null));
    }
}
