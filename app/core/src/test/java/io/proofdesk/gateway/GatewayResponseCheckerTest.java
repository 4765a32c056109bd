package io.proofdesk.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Responses signed here, laid out as tee-gateway lays them out, checked in every way they can go wrong. */
class GatewayResponseCheckerTest {

    private static final GatewayTestSigner TEE = GatewayTestSigner.generate();
    private static final long TS = 1_775_000_000L;
    private static final JsonNode REQUEST = GatewayTestSigner.read("{\"model\": \"gpt-4.1\", \"messages\": ["
            + "{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Hi 👋\"}],"
            + " \"temperature\": 0.7, \"max_tokens\": 64}");

    @Test
    void aCurrentChatResponseWithItsRequestAndKeyIsValid() {
        GatewayCheckResult r = check(TEE.chat(REQUEST, "Hello! ¿Qué tal? 😊", TS), REQUEST, key());
        assertEquals(GatewayVerdict.VALID, r.verdict(), r.reasons().toString());
        assertEquals(GatewayFormat.CURRENT_CHAT, r.format());
        assertEquals(TEE.teeId(), r.teeId());
        assertEquals("1775000000 (2026-03-31T23:33:20Z)", r.timestamp());
        r.lines().values().forEach(l -> assertEquals(GatewayCheckLine.Status.PASSED, l.status(), l.text()));
    }

    @Test
    void changedContentFailsTheOutputHashButNotTheSignature() {
        ObjectNode body = TEE.chat(REQUEST, "Hello!", TS);
        ((ObjectNode) body.get("choices").get(0).get("message")).put("content", "Hello?");
        GatewayCheckResult r = check(body, REQUEST, key());
        assertEquals(GatewayVerdict.INVALID, r.verdict());
        assertEquals(GatewayCheckLine.Status.FAILED, r.output().status());
        assertTrue(r.output().text().contains("the output is not what was signed"), r.output().text());
        assertEquals(GatewayCheckLine.Status.PASSED, r.signature().status());
    }

    @Test
    void aChangedHashOrTimestampBreaksTheSignature() {
        ObjectNode later = TEE.chat(REQUEST, "Hello!", TS);
        later.put("tee_timestamp", TS + 1);
        GatewayCheckResult r = check(later, REQUEST, key());
        assertEquals(GatewayVerdict.INVALID, r.verdict());
        assertEquals(List.of("signature: RSA-PSS signature does not verify under this key"), r.reasons());

        ObjectNode otherRequest = TEE.chat(REQUEST, "Hello!", TS);
        otherRequest.put("tee_request_hash", "00".repeat(32));
        GatewayCheckResult s = check(otherRequest, null, key());
        assertEquals(GatewayVerdict.INVALID, s.verdict());
        assertEquals(GatewayCheckLine.Status.NOT_GIVEN, s.request().status());
        assertEquals(GatewayCheckLine.Status.FAILED, s.signature().status());
    }

    @Test
    void aRequestOtherThanTheOneAnsweredIsInvalid() {
        JsonNode other = GatewayTestSigner.read(REQUEST.toString().replace("0.7", "0.70001"));
        GatewayCheckResult r = check(TEE.chat(REQUEST, "Hello!", TS), other, key());
        assertEquals(GatewayVerdict.INVALID, r.verdict());
        assertEquals(GatewayCheckLine.Status.FAILED, r.request().status());
        assertEquals(GatewayCheckLine.Status.PASSED, r.signature().status());
        // the same request with fields the gateway does not hash (user, stream, name) is the same request
        JsonNode padded = GatewayTestSigner.read(REQUEST.toString().replace("\"max_tokens\"",
                "\"user\": \"u-7\", \"stream\": false, \"max_tokens\""));
        assertEquals(GatewayVerdict.VALID, check(TEE.chat(REQUEST, "Hello!", TS), padded, key()).verdict());
    }

    @Test
    void requestsToOlderCurrentBuildsAreComparedAsThoseBuildsHashedThem() {
        JsonNode withFormat = GatewayTestSigner.read("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", "
                + "\"content\": \"JSON please\"}], \"response_format\": {\"type\": \"json_object\"}}");
        JsonNode without = GatewayTestSigner.read("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", "
                + "\"content\": \"JSON please\"}]}");
        // until 2026-04-03 the gateway left response_format out of the request hash
        GatewayCheckResult older = check(TEE.chat(without, "{}", TS), withFormat, key());
        assertEquals(GatewayVerdict.VALID, older.verdict(), older.reasons().toString());
        assertEquals(GatewayVerdict.VALID, check(TEE.chat(withFormat, "{}", TS), withFormat, key()).verdict());
        // until 2026-03-06 it hashed the request as its wrapper rewrote it: a difference then is no verdict
        long march3 = 1_772_500_000L;
        GatewayCheckResult early = check(TEE.chat(without, "{}", march3), REQUEST, key());
        assertEquals(GatewayVerdict.CANNOT_CHECK, early.verdict(), early.reasons().toString());
        assertTrue(early.request().text().startsWith("signed at 2026-03-03"), early.request().text());
        assertEquals(GatewayVerdict.INVALID, check(TEE.chat(without, "{}", TS), REQUEST, key()).verdict());
    }

    @Test
    void aKeyThatIsNotTheResponsesTeeIsInvalidEvenIfItsSignatureChecks() {
        ObjectNode body = TEE.chat(REQUEST, "Hello!", TS);
        body.put("tee_id", "0x" + "ab".repeat(32));
        GatewayCheckResult r = check(body, null, key());
        assertEquals(GatewayVerdict.INVALID, r.verdict());
        assertEquals(GatewayCheckLine.Status.FAILED, r.key().status());
        assertTrue(r.key().text().contains("is the key of TEE " + TEE.teeId()), r.key().text());
        assertEquals(GatewayCheckLine.Status.PASSED, r.signature().status());
        GatewayCheckResult asked = new GatewayResponseChecker(key(), "0x" + "cd".repeat(32))
                .check(GatewayTestSigner.bytes(TEE.chat(REQUEST, "Hello!", TS)), "r.json", null, null);
        assertEquals(GatewayVerdict.INVALID, asked.verdict());
        assertTrue(asked.key().text().contains("(--tee-id)"), asked.key().text());
    }

    @Test
    void toolCallAnswersAreHashedAsTheGatewayDumpsTheirToolCalls() {
        ArrayNode calls = GatewayTestSigner.JSON.createArrayNode();
        calls.addObject().put("id", "call_9").put("type", "function").putObject("function")
                .put("name", "get_weather").put("arguments", "{\"city\": \"Zürich\", \"days\": 2}");
        ObjectNode body = TEE.toolCalls(REQUEST, calls, TS);
        GatewayCheckResult r = check(body, REQUEST, key());
        assertEquals(GatewayVerdict.VALID, r.verdict(), r.reasons().toString());
        assertTrue(r.output().text().contains("json.dumps($.choices[0].message.tool_calls, sort_keys=True)"),
                r.output().text());
        ((ObjectNode) body.get("choices").get(0).get("message").get("tool_calls").get(0).get("function"))
                .put("arguments", "{\"city\": \"Zurich\", \"days\": 2}");
        assertEquals(GatewayVerdict.INVALID, check(body, REQUEST, key()).verdict());
    }

    @Test
    void completionsAreChecked() {
        JsonNode request = GatewayTestSigner.read("{\"model\": \"gpt-4o-mini\", \"prompt\": \"2+2=\"}");
        GatewayCheckResult r = check(TEE.completion(request, "4", TS), request, key());
        assertEquals(GatewayVerdict.VALID, r.verdict(), r.reasons().toString());
        assertEquals(GatewayFormat.CURRENT_COMPLETION, r.format());
        // max_tokens defaults to 16 on the gateway: a request that says 16 is the same request
        JsonNode explicit = GatewayTestSigner.read("{\"model\": \"gpt-4o-mini\", \"prompt\": \"2+2=\", \"max_tokens\": 16}");
        assertEquals(GatewayVerdict.VALID, check(TEE.completion(request, "4", TS), explicit, key()).verdict());
    }

    @Test
    void withoutAKeyTheHashesAreCheckedAndTheVerdictIsCannotCheck() {
        GatewayCheckResult r = check(TEE.chat(REQUEST, "Hello!", TS), REQUEST, GatewayKeySource.none());
        assertEquals(GatewayVerdict.CANNOT_CHECK, r.verdict());
        assertEquals(List.of("signature: no key to check against"), r.reasons());
        assertEquals(GatewayCheckLine.Status.PASSED, r.output().status());
        ObjectNode changed = TEE.chat(REQUEST, "Hello!", TS);
        ((ObjectNode) changed.get("choices").get(0).get("message")).put("content", "Bye");
        assertEquals(GatewayVerdict.INVALID, check(changed, null, GatewayKeySource.none()).verdict());
    }

    @Test
    void legacyGatewayBodiesAndTheInterimWrapperAreChecked() {
        JsonNode request = GatewayTestSigner.read("{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", "
                + "\"content\": \"Hello!\"}], \"temperature\": 0.2}");
        GatewayCheckResult legacy = check(TEE.legacyBody(request, "Hi there", "2026-01-10T10:00:00.5+00:00"),
                request, key());
        assertEquals(GatewayVerdict.VALID, legacy.verdict(), legacy.reasons().toString());
        assertEquals(GatewayFormat.LEGACY_CHAT, legacy.format());
        ObjectNode interim = TEE.interim(request, "Hi there", "2026-02-20T10:00:00+00:00");
        GatewayCheckResult i = check(interim, null, key());
        assertEquals(GatewayVerdict.VALID, i.verdict(), i.reasons().toString());
        assertEquals(GatewayFormat.INTERIM_CHAT, i.format());
        ((ObjectNode) interim.get("choices").get(0).get("message")).put("content", "Hi there!");
        assertEquals(GatewayVerdict.INVALID, check(interim, null, key()).verdict());
        // the interim wrapper rewrote the request before hashing it: a request given cannot be checked
        GatewayCheckResult withRequest = check(TEE.interim(request, "Hi there", "2026-02-20T10:00:00+00:00"), request,
                key());
        assertEquals(GatewayVerdict.CANNOT_CHECK, withRequest.verdict());
        assertEquals(GatewayCheckLine.Status.NOT_CHECKED, withRequest.request().status());
    }

    @Test
    void aLegacyRequestWithoutMaxTokensMatchesTheFormOfEitherGatewayBuild() {
        JsonNode request = GatewayTestSigner.read("{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", "
                + "\"content\": \"Hello!\"}]}");
        for (Integer build : java.util.Arrays.asList(100, null)) {
            GatewayCheckResult r = check(TEE.legacyBody(request, "Hi", "2026-01-10T10:00:00+00:00", build), request,
                    key());
            assertEquals(GatewayVerdict.VALID, r.verdict(), build + ": " + r.reasons());
        }
        JsonNode other = GatewayTestSigner.read(request.toString().replace("Hello!", "Hello?"));
        GatewayCheckResult r = check(TEE.legacyBody(request, "Hi", "2026-01-10T10:00:00+00:00", null), other, key());
        assertEquals(GatewayCheckLine.Status.FAILED, r.request().status());
        assertTrue(r.request().text().contains(" or "), r.request().text());
    }

    @Test
    void unknownFormatsAndStreamsCannotBeChecked() {
        GatewayCheckResult openAi = checkText("{\"id\": \"x\", \"object\": \"chat.completion\", \"choices\": [], "
                + "\"system_fingerprint\": \"fp_44709d6fcb\"}");
        assertEquals(GatewayVerdict.CANNOT_CHECK, openAi.verdict());
        assertTrue(openAi.reasons().getFirst().startsWith("unknown format"), openAi.reasons().toString());
        assertTrue(openAi.reasons().getFirst().contains("fp_44709d6fcb"), openAi.reasons().toString());
        GatewayCheckResult sse = checkText("data: {\"choices\": [{\"delta\": {\"content\": \"Hi\"}}]}\n\n");
        assertEquals(GatewayVerdict.CANNOT_CHECK, sse.verdict());
        assertTrue(sse.reasons().getFirst().contains("streamed"), sse.reasons().toString());
        assertNull(sse.format());
    }

    @Test
    void malformedInputIsUnreadableNamingTheFileAndWhere() {
        assertEquals(List.of("r.json: not JSON at line 2, column 3: Unexpected character ('}' (code 125)): "
                + "was expecting double-quote to start field name"), checkText("{\"a\": 1,\n  }").reasons());
        ObjectNode noTime = TEE.chat(REQUEST, "Hello!", TS);
        noTime.remove("tee_timestamp");
        assertEquals(List.of("r.json: $.tee_timestamp is missing"), check(noTime, null, key()).reasons());
        ObjectNode badSig = TEE.chat(REQUEST, "Hello!", TS);
        badSig.put("tee_signature", "not base64!");
        GatewayCheckResult r = check(badSig, null, key());
        assertEquals(GatewayVerdict.UNREADABLE, r.verdict());
        assertTrue(r.reasons().getFirst().startsWith("r.json: $.tee_signature is not base64"), r.reasons().toString());
        ObjectNode noContent = TEE.chat(REQUEST, "Hello!", TS);
        ((ObjectNode) noContent.get("choices").get(0).get("message")).putNull("content");
        assertEquals(List.of("r.json: $.choices[0].message.content is not a string (it is null)"),
                check(noContent, null, key()).reasons());
        ObjectNode fingerprint = GatewayTestSigner.JSON.createObjectNode().put("system_fingerprint", "{'a': b}");
        assertEquals(List.of("r.json: $.system_fingerprint is not a simple Python dict of strings: expected a quoted "
                + "string at character 6"), check(fingerprint, null, key()).reasons());
        assertEquals(3, r.verdict().exitCode());
    }

    @Test
    void filesAreSizeCappedAndMissingFilesAreUnreadable(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) GatewayResponseChecker.MAX_FILE_BYTES + 1]);
        GatewayCheckResult r = new GatewayResponseChecker(key(), null).check(big, null);
        assertEquals(GatewayVerdict.UNREADABLE, r.verdict());
        assertTrue(r.reasons().getFirst().startsWith(big + ": is 4194305 bytes, more than"), r.reasons().toString());
        Path response = dir.resolve("response.json");
        Files.write(response, GatewayTestSigner.bytes(TEE.chat(REQUEST, "Hello!", TS)));
        GatewayCheckResult missing = new GatewayResponseChecker(key(), null).check(response, dir.resolve("nope.json"));
        assertEquals(List.of(dir.resolve("nope.json") + ": no such file"), missing.reasons());
        Path request = dir.resolve("request.json");
        Files.writeString(request, REQUEST.toString(), StandardCharsets.UTF_8);
        assertEquals(GatewayVerdict.VALID, new GatewayResponseChecker(key(), null).check(response, request).verdict());
    }

    private static GatewayKeySource key() {
        return new GatewayKeySource.GivenKey(TEE.publicKey(), "tee.pem");
    }

    private static GatewayCheckResult check(JsonNode body, JsonNode request, GatewayKeySource keys) {
        return new GatewayResponseChecker(keys, null).check(GatewayTestSigner.bytes(body), "r.json",
                request == null ? null : GatewayTestSigner.bytes(request), "q.json");
    }

    private static GatewayCheckResult checkText(String body) {
        return new GatewayResponseChecker(key(), null).check(body.getBytes(StandardCharsets.UTF_8), "r.json", null, null);
    }
}
