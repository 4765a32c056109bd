package io.proofdesk.gateway;

import io.proofdesk.attest.PublicKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one real signed response OpenGradient published (tee-gateway examples/verify_signature_example.py, see the
 * test data's README): its values in an OpenAI-style body built here.
 */
class LegacyRealResponseTest {

    private static final String DIR = "/opengradient/gateway/";
    private static final String RESPONSE = "tee-gateway-06ed1e2-legacy-response.json";
    private static final String REQUEST = "tee-gateway-06ed1e2-legacy-request.json";

    @Test
    void isValidUnderTheExamplesKeyWithItsRequest() throws IOException {
        GatewayCheckResult r = check(resource(RESPONSE), resource(REQUEST), realKey());
        assertEquals(GatewayVerdict.VALID, r.verdict(), r.reasons().toString());
        assertEquals(GatewayFormat.LEGACY_FINGERPRINT, r.format());
        assertEquals("2025-12-16T08:20:26.491885+00:00", r.timestamp());
        assertEquals(GatewayCheckLine.Status.PASSED, r.request().status());
        assertTrue(r.request().text().contains("3cd5e62557ea16dc77aef5c2c66188d180be259ac00f482de19896e78ebbf429"),
                r.request().text());
        assertEquals(GatewayCheckLine.Status.PASSED, r.signature().status());
        assertEquals(0, r.verdict().exitCode());
    }

    @Test
    void oneChangedCharacterOfTheContentIsInvalid() throws IOException {
        byte[] changed = new String(resource(RESPONSE), StandardCharsets.UTF_8)
                .replace("How can I assist you today?", "How can I assist you today!").getBytes(StandardCharsets.UTF_8);
        GatewayCheckResult r = check(changed, null, realKey());
        assertEquals(GatewayVerdict.INVALID, r.verdict());
        assertEquals(GatewayCheckLine.Status.FAILED, r.signature().status());
        assertEquals(1, r.verdict().exitCode());
    }

    @Test
    void anotherKeyIsInvalid() throws IOException {
        GatewayCheckResult r = check(resource(RESPONSE), resource(REQUEST),
                new GatewayKeySource.GivenKey(GatewayTestSigner.generate().publicKey(), "other.pem"));
        assertEquals(GatewayVerdict.INVALID, r.verdict());
        assertTrue(r.reasons().getFirst().startsWith("signature: "), r.reasons().toString());
    }

    @Test
    void withoutAKeyItCannotBeCheckedButTheRequestStillIs() throws IOException {
        GatewayCheckResult r = check(resource(RESPONSE), resource(REQUEST), GatewayKeySource.none());
        assertEquals(GatewayVerdict.CANNOT_CHECK, r.verdict());
        assertEquals(2, r.verdict().exitCode());
        assertEquals(java.util.List.of("signature: no key to check against"), r.reasons());
        assertEquals(GatewayCheckLine.Status.PASSED, r.request().status());
    }

    @Test
    void aDifferentRequestThanTheOneSignedIsInvalid() throws IOException {
        byte[] other = new String(resource(REQUEST), StandardCharsets.UTF_8).replace("0.9", "0.8")
                .getBytes(StandardCharsets.UTF_8);
        GatewayCheckResult r = check(resource(RESPONSE), other, realKey());
        assertEquals(GatewayVerdict.INVALID, r.verdict());
        assertEquals(GatewayCheckLine.Status.FAILED, r.request().status());
        assertEquals(GatewayCheckLine.Status.PASSED, r.signature().status());
        assertNotEquals(-1, r.request().text().indexOf("a different request"));
    }

    private static GatewayCheckResult check(byte[] response, byte[] request, GatewayKeySource keys) {
        return new GatewayResponseChecker(keys, null).check(response, RESPONSE, request, REQUEST);
    }

    private static GatewayKeySource realKey() throws IOException {
        return new GatewayKeySource.GivenKey(PublicKeys.parse(resource("tee-gateway-06ed1e2-legacy-key.pem"), "key"),
                "tee-gateway-06ed1e2-legacy-key.pem");
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(LegacyRealResponseTest.class.getResourceAsStream(DIR + name), name)) {
            return in.readAllBytes();
        }
    }
}
