package io.proofdesk.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.chain.TeeRegistryRecords.Layout;
import io.proofdesk.chain.TeeRegistryRecords.RegistryTee;
import io.proofdesk.chain.contracts.ITEERegistry;
import io.proofdesk.chain.contracts.ITEERegistryOhttp;
import io.proofdesk.domain.TeeEventKind;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every TEERegistry version (test resources, README names repository, path and commit): each event of each real
 * contract source is read by its topic0 as what it means (or is one of those a sync does not keep), logs built with
 * web3j's encoder decode to the values put in, and a getTEE answer of each layout (ten fields, and with the newest
 * ohttpConfig tuple) decodes in its own layout only, while an answer of no version is refused.
 */
class TeeRegistryVersionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EVENT = Pattern.compile("event\\s+(\\w+)\\(([^)]*)\\);");
    /** Registry events the store has no use for (type names, the AWS root); a sync leaves them out. */
    private static final Set<String> NOT_KEPT = Set.of("TEETypeAdded", "TEETypeDeactivated", "AWSCertificateUpdated");
    private static final String TEE = Numeric.toHexString(Hash.sha3("tee".getBytes(StandardCharsets.UTF_8)));
    private static final String PCR = Numeric.toHexString(Hash.sha3("pcr".getBytes(StandardCharsets.UTF_8)));

    @Test
    void everyEventOfEveryVersionIsKnownByItsTopic() throws IOException {
        Map<String, TeeEventKind> expected = new LinkedHashMap<>();
        expected.put("TEERegistered", TeeEventKind.REGISTERED);
        expected.put("TEEActivated", TeeEventKind.ENABLED);
        expected.put("TEEEnabled", TeeEventKind.ENABLED);
        expected.put("TEEDeactivated", TeeEventKind.DISABLED);
        expected.put("TEEDisabled", TeeEventKind.DISABLED);
        expected.put("TEERemoved", TeeEventKind.DISABLED);
        expected.put("HeartbeatReceived", TeeEventKind.HEARTBEAT);
        expected.put("PCRApproved", TeeEventKind.PCR_APPROVED);
        expected.put("PCRRevoked", TeeEventKind.PCR_REVOKED);
        int seen = 0;
        for (String commit : List.of("9792d76", "1a73916", "758e149", "8d35b76")) {
            String source = resource("og-evm-" + commit + "-TEERegistry.sol");
            Matcher m = EVENT.matcher(source);
            while (m.find()) {
                String name = m.group(1);
                List<String> types = new ArrayList<>();
                for (String p : m.group(2).split(",")) {
                    types.add(p.trim().split("\\s+")[0]);
                }
                String signature = name + "(" + String.join(",", types) + ")";
                String topic = Hash.sha3String(signature);
                if (NOT_KEPT.contains(name)) {
                    assertFalse(TeeRegistryEvents.isKnown(topic), signature);
                    continue;
                }
                assertTrue(TeeRegistryEvents.isKnown(topic), commit + " " + signature);
                assertEquals(signature, TeeRegistryEvents.signatureOf(topic));
                seen++;
            }
        }
        assertEquals(24, seen); // 5 + 6 + 7 + 6 kept events over the four versions
        for (String topic : TeeRegistryEvents.topics()) {
            String name = TeeRegistryEvents.signatureOf(topic).substring(0, TeeRegistryEvents.signatureOf(topic)
                    .indexOf('('));
            assertTrue(expected.containsKey(name), name);
        }
        assertEquals(12, TeeRegistryEvents.topics().size());
    }

    @Test
    void eachVersionsEventLayoutDecodesToWhatItSays() {
        var approvedUntyped = TeeRegistryEvents.decode(List.of(Hash.sha3String("PCRApproved(bytes32,string)"), PCR),
                data(new Utf8String("v1.2")));
        assertEquals(TeeEventKind.PCR_APPROVED, approvedUntyped.kind());
        assertEquals(PCR, approvedUntyped.pcrHash());
        assertEquals(TeeRegistryEvents.ANY_TEE_TYPE, approvedUntyped.teeType());
        assertEquals("v1.2", approvedUntyped.version());

        var approvedTyped = TeeRegistryEvents.decode(List.of(Hash.sha3String("PCRApproved(bytes32,uint8,string)"),
                PCR, topicOf(3)), data(new Utf8String("v2")));
        assertEquals(3, approvedTyped.teeType());
        assertEquals("v2", approvedTyped.version());

        var graced = TeeRegistryEvents.decode(List.of(Hash.sha3String("PCRRevoked(bytes32,uint256)"), PCR),
                data(new Uint256(3600)));
        assertEquals(TeeEventKind.PCR_REVOKED, graced.kind());
        assertEquals(BigInteger.valueOf(3600), graced.gracePeriod());

        var typedRevoke = TeeRegistryEvents.decode(List.of(Hash.sha3String("PCRRevoked(bytes32,uint8)"), PCR,
                topicOf(1)), "0x");
        assertEquals(1, typedRevoke.teeType());
        assertEquals(PCR, typedRevoke.pcrHash());

        assertEquals(TeeEventKind.ENABLED, TeeRegistryEvents.decode(List.of(Hash.sha3String("TEEActivated(bytes32)"),
                TEE), "0x").kind());
        var removed = TeeRegistryEvents.decode(List.of(Hash.sha3String("TEERemoved(bytes32)"), TEE), "0x");
        assertEquals(TeeEventKind.DISABLED, removed.kind());
        assertEquals(TEE, removed.teeId());
        var heartbeat = TeeRegistryEvents.decode(List.of(Hash.sha3String("HeartbeatReceived(bytes32,uint256)"), TEE),
                data(new Uint256(1_770_000_000L)));
        assertEquals(BigInteger.valueOf(1_770_000_000L), heartbeat.timestamp());

        // the wrong topic count or data for the topic, or a topic of no version: refused
        assertThrows(IllegalArgumentException.class, () -> TeeRegistryEvents.decode(List.of(
                Hash.sha3String("PCRRevoked(bytes32,uint8)"), PCR), "0x"));
        assertThrows(IllegalArgumentException.class, () -> TeeRegistryEvents.decode(List.of(
                Hash.sha3String("PCRRevoked(bytes32,uint8)"), PCR, "0x" + "ff".repeat(32)), "0x"));
        assertThrows(RuntimeException.class, () -> TeeRegistryEvents.decode(List.of(
                Hash.sha3String("PCRRevoked(bytes32,uint256)"), PCR), "0x"));
        assertThrows(IllegalArgumentException.class, () -> TeeRegistryEvents.decode(List.of(
                Hash.sha3String("TEEPaused(bytes32)"), TEE), "0x"));
    }

    @Test
    void theGetTeeLayoutsAreTheRealAbisOutputs() throws IOException {
        assertEquals(outputType("sdk-08ce578-TEERegistry.abi"), tenFields(true).getTypeAsString());
        assertEquals(outputType("sdk-646c38b-TEERegistry.abi"), tenFields(true).getTypeAsString());
        assertEquals(outputType("sdk-45e90e0-TEERegistry.abi"), withOhttp(true).getTypeAsString());
        // same selector in every version: the layout is told by the answer
        assertEquals(Hash.sha3String("getTEE(bytes32)").substring(0, 10), TeeRegistryRecords.getTeeCall(TEE)
                .substring(0, 10));
    }

    @Test
    void eachGetTeeAnswerDecodesInItsOwnLayoutOnly() throws Exception {
        RegistryTee ten = TeeRegistryRecords.decode(TEE, answer(tenFields(false))).orElseThrow();
        assertEquals(Layout.TEN_FIELDS, ten.layout());
        assertFalse(ten.enabled());
        assertEquals("https://tee.example:443", ten.endpoint());
        assertArrayEquals(new byte[] {1, 2, 3}, ten.publicKey());
        assertEquals(PCR, ten.pcrHash());
        assertEquals(BigInteger.valueOf(1_770_000_100L), ten.lastHeartbeatAt());

        RegistryTee ohttp = TeeRegistryRecords.decode(TEE, answer(withOhttp(true))).orElseThrow();
        assertEquals(Layout.WITH_OHTTP, ohttp.layout());
        assertTrue(ohttp.enabled());
        assertArrayEquals(new byte[] {1, 2, 3}, ohttp.publicKey());
        assertEquals(2, ohttp.teeType());
        assertEquals("0x00000000000000000000000000000000000000aa", ohttp.owner());

        // unknown TEE: nothing, or a zero record
        assertEquals(Optional.empty(), TeeRegistryRecords.decode(TEE, "0x"));
        ITEERegistry.TEEInfo zero = new ITEERegistry.TEEInfo("0x0000000000000000000000000000000000000000",
                "0x0000000000000000000000000000000000000000", "", new byte[0], new byte[0], new byte[32],
                BigInteger.ZERO, false, BigInteger.ZERO, BigInteger.ZERO);
        assertEquals(Optional.empty(), TeeRegistryRecords.decode(TEE, answer(zero)));

        // an answer of no version (cut short, or one word more) is refused, never read as the nearest layout
        String full = answer(withOhttp(true));
        assertThrows(TeeRegistryRecords.UnknownLayoutException.class, () -> TeeRegistryRecords.decode(TEE,
                full.substring(0, full.length() - 64)));
        assertThrows(TeeRegistryRecords.UnknownLayoutException.class, () -> TeeRegistryRecords.decode(TEE,
                answer(tenFields(true)) + "00".repeat(32)));
    }

    private static ITEERegistry.TEEInfo tenFields(boolean enabled) {
        return new ITEERegistry.TEEInfo("0x00000000000000000000000000000000000000aa",
                "0x00000000000000000000000000000000000000bb", "https://tee.example:443", new byte[] {1, 2, 3},
                new byte[] {4, 5}, Numeric.hexStringToByteArray(PCR), BigInteger.TWO, enabled,
                BigInteger.valueOf(1_770_000_000L), BigInteger.valueOf(1_770_000_100L));
    }

    private static ITEERegistryOhttp.TEEInfo withOhttp(boolean enabled) {
        ITEERegistry.TEEInfo t = tenFields(enabled);
        return new ITEERegistryOhttp.TEEInfo(t.owner, t.paymentAddress, t.endpoint, t.publicKey, t.tlsCertificate,
                t.pcrHash, t.teeType, t.enabled, t.registeredAt, t.lastHeartbeatAt, new ITEERegistryOhttp.OHTTPConfig(
                BigInteger.ONE, BigInteger.valueOf(0x20), BigInteger.ONE, BigInteger.ONE, new byte[32],
                new byte[] {9, 9}, BigInteger.valueOf(1_770_000_000L)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String answer(Type struct) {
        return "0x" + FunctionEncoder.encodeConstructor((List) List.of(struct));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String data(Type value) {
        return "0x" + FunctionEncoder.encodeConstructor((List) List.of(value));
    }

    private static String topicOf(int n) {
        return Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(n), 64);
    }

    private static String outputType(String abi) throws IOException {
        for (JsonNode f : JSON.readTree(resource(abi))) {
            if ("getTEE".equals(f.path("name").asText())) {
                return type(f.path("outputs").get(0));
            }
        }
        throw new AssertionError("no getTEE in " + abi);
    }

    private static String type(JsonNode p) {
        String t = p.path("type").asText();
        if (!t.startsWith("tuple")) {
            return t;
        }
        List<String> parts = new ArrayList<>();
        p.path("components").forEach(c -> parts.add(type(c)));
        return "(" + String.join(",", parts) + ")" + t.substring("tuple".length());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TeeRegistryVersionsTest.class.getResourceAsStream("/opengradient/tee-registry/"
                + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
