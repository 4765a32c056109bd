package io.proofdesk.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.domain.ChatText;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.CheckStatus;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.gateway.ChatRequestHashes;
import io.proofdesk.verify.RecordEvidence;
import io.proofdesk.verify.StoredFacts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blob line of an LLM record over the facilitator's blob shape: the published request and response must hash
 * to the settled hashes as the gateway hashes them; which side differs decides the sentence.
 */
class ChatBlobCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AFTER = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-02-20T00:00:00Z");

    private static ObjectNode blob() throws Exception {
        try (InputStream in = ChatBlobCheckTest.class.getResourceAsStream(
                "/opengradient/settlement/individual-chat-blob.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static String content(JsonNode blob) {
        return blob.get("output").get("choices").get(0).get("message").get("content").textValue();
    }

    private static CheckResult check(JsonNode published, byte[] inputHash, byte[] outputHash, Instant at)
            throws Exception {
        byte[] bytes = JSON.writeValueAsBytes(published);
        // what the sync kept; the check reads the published blob, not this
        ChatText text = new ChatText(published.get("input").toString(), "stored text");
        Inference r = new Inference(RecordId.of("0x" + "cd".repeat(32), 1), InferenceMode.TEE, "gpt-4.1", null,
                "0x" + "33".repeat(32), null, SettlementKind.INDIVIDUAL, 7, at, null,
                Numeric.toHexString(inputHash), Numeric.toHexString(outputHash), null, "blob1", null, List.of(),
                List.of(text.requestTensor()), List.of(text.responseTensor()), null);
        StoredFacts facts = new StoredFacts(r, Optional.empty(), List.of(), null, Optional.empty(), Optional.empty(),
                List.of());
        return new ChatBlobCheck().check(new RecordEvidence(facts, id -> bytes));
    }

    private static byte[] keccak(String s) {
        return Hash.sha3(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("request and response hashing to the settled hashes pass")
    void honestPasses() throws Exception {
        ObjectNode b = blob();
        CheckResult line = check(b, ChatRequestHashes.currentChat(b.get("input")), keccak(content(b)), AFTER);
        assertEquals(CheckStatus.PASS, line.status(), line.reason());
        assertEquals("output.choices[0].message.content", line.details().get("outputHashOf"));
    }

    @Test
    @DisplayName("a response other than the signed one fails, naming the response")
    void forgedResponseFails() throws Exception {
        ObjectNode b = blob();
        byte[] signedOutput = keccak(content(b));
        // the gateway's answer names what it signed; a forger who edits the text leaves that as it was
        ((ObjectNode) b.get("output")).put("tee_output_hash", Numeric.toHexStringNoPrefix(signedOutput));
        ((ObjectNode) b.get("output").get("choices").get(0).get("message")).put("content", "Something else.");
        CheckResult line = check(b, ChatRequestHashes.currentChat(b.get("input")), signedOutput, AFTER);
        assertEquals(CheckStatus.FAIL, line.status());
        assertTrue(line.reason().contains("the response is not the one the TEE signed"), line.reason());
    }

    @Test
    @DisplayName("a settled output hash that is neither the response's keccak nor the answer's own tee_output_hash "
            + "(the older x402 form settled SHA-256 of the raw bodies) is UNVERIFIED, not a forgery")
    void olderX402FormIsUnverified() throws Exception {
        ObjectNode b = blob();
        ((ObjectNode) b.get("output")).put("tee_output_hash", Numeric.toHexStringNoPrefix(keccak(content(b))));
        byte[] rawBodySha256 = org.web3j.crypto.Hash.sha256(JSON.writeValueAsBytes(b.get("output")));
        CheckResult line = check(b, ChatRequestHashes.currentChat(b.get("input")), rawBodySha256, AFTER);
        assertEquals(CheckStatus.UNVERIFIED, line.status(), line.reason());
        assertTrue(line.reason().contains("older x402 form"), line.reason());
    }

    @Test
    @DisplayName("another request fails; before the gateway hashed requests as sent it is only UNVERIFIED")
    void otherRequest() throws Exception {
        ObjectNode b = blob();
        byte[] other = keccak("{\"model\": \"other\"}");
        CheckResult now = check(b, other, keccak(content(b)), AFTER);
        assertEquals(CheckStatus.FAIL, now.status());
        assertTrue(now.reason().contains("the request is not the one the TEE answered"), now.reason());
        CheckResult early = check(b, other, keccak(content(b)), BEFORE);
        assertEquals(CheckStatus.UNVERIFIED, early.status());
        assertTrue(early.reason().contains("Proofdesk does not reproduce"), early.reason());
    }

    @Test
    @DisplayName("a blob whose input is no chat request, or whose answer has no text, fails with the reason")
    void notAChat() throws Exception {
        ObjectNode b = blob();
        ObjectNode noText = b.deepCopy();
        noText.set("output", JSON.readTree("{\"error\":\"rate limited\"}"));
        CheckResult line = check(noText, new byte[32], new byte[32], AFTER);
        assertEquals(CheckStatus.FAIL, line.status());
        assertTrue(line.reason().contains("no response text"), line.reason());
    }
}
