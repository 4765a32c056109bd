package io.proofdesk.chain.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.domain.ChatText;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.node.wire.SettledBlobJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A settled blob holding a chat becomes an LLM record with its request and response text. */
class ChatRecordDecoderTest {

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    @DisplayName("the facilitator's blob (timestamp as a string) reads as an LLM record named by the request's model")
    void facilitatorBlob() throws Exception {
        SettledBlobJson blob;
        try (InputStream in = getClass().getResourceAsStream("/opengradient/settlement/individual-chat-blob.json")) {
            blob = json.readValue(in, SettledBlobJson.class);
        }
        assertEquals(1774000000L, blob.timestamp());
        SettledRecordBuilder.Decoded d = ChatRecordDecoder.decode(blob.input(), blob.output());
        assertEquals("gpt-4.1", d.model());
        assertNull(d.problem());
        Inference r = new Inference(RecordId.of("0x" + "ab".repeat(32), 0), InferenceMode.TEE, d.model(), null, null,
                null, SettlementKind.INDIVIDUAL, 1, Instant.EPOCH, null, null, null, null, null, null, List.of(),
                d.inputs(), d.outputs(), null);
        ChatText chat = ChatText.of(r).orElseThrow();
        assertEquals("That the leaf was in the tree whose root was settled.", chat.response());
        assertEquals(blob.input(), json.readTree(chat.request()));
        assertEquals(DType.STRING, d.inputs().getFirst().type());
        assertEquals("0x1111111111111111111111111111111111111111111111111111111111111111",
                ChatRecordDecoder.answerField(blob.output(), "tee_request_hash"));
        assertNull(ChatRecordDecoder.answerField(blob.output(), "nope"));
    }

    @Test
    @DisplayName("an answer without text keeps the model and says why; an over-long text is cut and says so")
    void brokenAndLong() throws Exception {
        JsonNode request = json.readTree("{\"model\":\"m\",\"messages\":[]}");
        SettledRecordBuilder.Decoded broken = ChatRecordDecoder.decode(request, json.readTree("{\"choices\":[]}"));
        assertEquals("m", broken.model());
        assertTrue(broken.inputs().isEmpty());
        assertTrue(broken.problem().contains("without its response text"), broken.problem());
        String huge = "x".repeat(ChatText.MAX_CHARS + 5);
        SettledRecordBuilder.Decoded cut = ChatRecordDecoder.decode(request, json.getNodeFactory().textNode(huge));
        assertTrue(cut.problem().contains("cut at"), cut.problem());
        String stored = cut.outputs().getFirst().strings().getFirst();
        assertTrue(stored.startsWith("x".repeat(ChatText.MAX_CHARS)) && stored.length() < huge.length() + 64);
        assertEquals(stored, new ChatText("r", stored).response(), "a cut text is not cut again when read back");
    }
}
