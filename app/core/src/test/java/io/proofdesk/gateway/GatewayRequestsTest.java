package io.proofdesk.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.attest.PythonJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests rebuilt as the gateway rebuilds them; the expected texts are tee-gateway's own code's output (see README). */
class GatewayRequestsTest {

    private static final String DIR = "/opengradient/gateway/requests/";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"current-chat-tools.json", "current-chat-response-format.json",
            "current-completion-defaults.json", "current-completion-null-temperature.json",
            "legacy-chat-real-example.json", "legacy-chat-tools.json", "legacy-completion.json",
            "legacy-late-chat-no-max-tokens.json", "legacy-late-completion-null-max-tokens.json"})
    void rebuildsWhatTheGatewaysOwnCodeHashes(String file) throws Exception {
        Object request = GatewayJson.plain(resource(file));
        Map<String, Object> dict;
        if (file.startsWith("current-chat")) {
            dict = GatewayRequests.currentChat(request);
        } else if (file.startsWith("current-completion")) {
            dict = GatewayRequests.currentCompletion(request);
        } else if (file.startsWith("legacy-late-completion")) {
            dict = LegacyGatewayRequests.legacyCompletion(request, null);
        } else if (file.startsWith("legacy-late")) {
            dict = LegacyGatewayRequests.legacyChat(request, null);
        } else if (file.startsWith("legacy-completion")) {
            dict = LegacyGatewayRequests.legacyCompletion(request);
        } else {
            dict = LegacyGatewayRequests.legacyChat(request);
        }
        assertEquals(resource("canonical.json").get(file).textValue(), PythonJson.sortedDumps(dict));
    }

    @Test
    void theRealExamplesRequestHashesToItsRequestSignature() throws Exception {
        byte[] sha = GatewayRequests.sha256(LegacyGatewayRequests.legacyChat(
                GatewayJson.plain(resource("legacy-chat-real-example.json"))));
        assertEquals("3cd5e62557ea16dc77aef5c2c66188d180be259ac00f482de19896e78ebbf429",
                java.util.HexFormat.of().formatHex(sha));
    }

    @Test
    void contentTheGatewayWouldHashAsAPythonReprIsUnsupportedNotGuessed() {
        Object multipart = GatewayJson.plain(GatewayTestSigner.read("{\"model\": \"m\", \"messages\": [{\"role\": "
                + "\"user\", \"content\": [{\"type\": \"text\", \"text\": \"hi\"}]}]}"));
        GatewayUncheckableException e = assertThrows(GatewayUncheckableException.class,
                () -> GatewayRequests.currentChat(multipart));
        assertTrue(e.getMessage().contains("messages[0].content is not a string"), e.getMessage());
    }

    @Test
    void aRoleTheGatewayRejectsIsNamed() {
        Object developer = GatewayJson.plain(GatewayTestSigner.read(
                "{\"model\": \"m\", \"messages\": [{\"role\": \"developer\", \"content\": \"x\"}]}"));
        GatewayUncheckableException e = assertThrows(GatewayUncheckableException.class,
                () -> GatewayRequests.currentChat(developer));
        assertTrue(e.getMessage().contains("messages[0].role is 'developer'"), e.getMessage());
    }

    @Test
    void pythonTruthinessDecidesWhichOptionalFieldsAreHashed() throws Exception {
        Object request = GatewayJson.plain(GatewayTestSigner.read("{\"model\": \"m\", \"messages\": [], \"stop\": [],"
                + " \"tools\": [], \"max_tokens\": 0, \"temperature\": \"0.5\"}"));
        assertEquals("{\"max_tokens\": 0, \"messages\": [], \"model\": \"m\", \"temperature\": 0.5}",
                PythonJson.sortedDumps(GatewayRequests.currentChat(request)));
    }

    private static JsonNode resource(String name) throws Exception {
        try (InputStream in = Objects.requireNonNull(GatewayRequestsTest.class.getResourceAsStream(DIR + name), name)) {
            return GatewayTestSigner.JSON.readTree(in);
        }
    }
}
