package io.proofdesk.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.chain.LegacySettlementEvents.HashesOnly;
import io.proofdesk.chain.LegacySettlementEvents.RootOnly;
import io.proofdesk.chain.LegacySettlementEvents.WithMetadata;
import io.proofdesk.verify.checks.SettlementEvents;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both settlement eras against OpenGradient's own ABIs (test resources, README names repository, path and commit):
 * the topics Proofdesk decodes are the real events' topics, and logs of the Dec 2025 relay built with web3j's
 * encoder decode to the values put in; a log that does not fit its event is refused, never guessed.
 */
class SettlementEraAbisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IN = Numeric.toHexString(Hash.sha3("request".getBytes(StandardCharsets.UTF_8)));
    private static final String OUT = Numeric.toHexString(Hash.sha3("response".getBytes(StandardCharsets.UTF_8)));

    @Test
    void theTopicsAreThoseOfTheRealAbisOfEachEra() throws IOException {
        String ts = resource("facilitator-7557315-settlement.ts");
        String array = ts.substring(ts.indexOf('['), ts.lastIndexOf(']') + 1);
        Map<String, String> dec2025 = eventTopics(JSON.readTree(array));
        assertEquals(Map.of("Settlement", LegacySettlementEvents.SETTLEMENT_TOPIC,
                "BatchSettlement", LegacySettlementEvents.BATCH_SETTLEMENT_TOPIC,
                "SettlementWithMetadata", LegacySettlementEvents.SETTLEMENT_WITH_METADATA_TOPIC), dec2025);

        Map<String, String> feb2026 = eventTopics(JSON.readTree(resource("og-evm-00e7bba-InferenceSettlementRelay.json")));
        assertEquals(EventEncoder.encode(SettlementEvents.BATCH_SETTLEMENT), feb2026.get("BatchSettlement"));
        assertEquals(EventEncoder.encode(SettlementEvents.INDIVIDUAL_SETTLEMENT), feb2026.get("IndividualSettlement"));
        // same name, other era: the old batch topic must not be read as today's, nor the reverse
        assertFalse(feb2026.get("BatchSettlement").equals(LegacySettlementEvents.BATCH_SETTLEMENT_TOPIC));
        assertFalse(LegacySettlementEvents.isLegacyTopic(feb2026.get("BatchSettlement")));
        assertFalse(LegacySettlementEvents.isLegacyTopic(feb2026.get("IndividualSettlement")));
    }

    @Test
    void settlementIsTwoIndexedHashesAndNoData() {
        var d = LegacySettlementEvents.decode(List.of(LegacySettlementEvents.SETTLEMENT_TOPIC, IN, OUT), "0x");
        assertEquals(new HashesOnly(IN, OUT), d);
        assertThrows(IllegalArgumentException.class, () -> LegacySettlementEvents.decode(List.of(
                LegacySettlementEvents.SETTLEMENT_TOPIC, IN, OUT), "0x" + "00".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> LegacySettlementEvents.decode(List.of(
                LegacySettlementEvents.SETTLEMENT_TOPIC, IN), "0x"));
    }

    @Test
    void settlementWithMetadataCarriesModelInputAndOutput() {
        byte[] input = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);
        byte[] output = "hello".getBytes(StandardCharsets.UTF_8);
        String data = "0x" + FunctionEncoder.encodeConstructor(List.of(new Utf8String("gpt-4.1"),
                new DynamicBytes(input), new DynamicBytes(output)));
        var d = assertInstanceOf(WithMetadata.class, LegacySettlementEvents.decode(List.of(
                LegacySettlementEvents.SETTLEMENT_WITH_METADATA_TOPIC, IN, OUT), data));
        assertEquals(IN, d.inputHash());
        assertEquals(OUT, d.outputHash());
        assertEquals("gpt-4.1", d.modelInfo());
        assertArrayEquals(input, d.inputData());
        assertArrayEquals(output, d.outputData());
        // the shape the Dec 2025 facilitator really sent: empty model name and 0x data
        var empty = assertInstanceOf(WithMetadata.class, LegacySettlementEvents.decode(List.of(
                LegacySettlementEvents.SETTLEMENT_WITH_METADATA_TOPIC, IN, OUT), "0x" + FunctionEncoder
                .encodeConstructor(List.of(new Utf8String(""), new DynamicBytes(new byte[0]),
                        new DynamicBytes(new byte[0])))));
        assertEquals(0, empty.inputData().length + empty.outputData().length);
        assertThrows(RuntimeException.class, () -> LegacySettlementEvents.decode(List.of(
                LegacySettlementEvents.SETTLEMENT_WITH_METADATA_TOPIC, IN, OUT), "0x1234"));
    }

    @Test
    void oldBatchSettlementIsARootAndASizeWithoutBlob() {
        String data = "0x" + FunctionEncoder.encodeConstructor(List.of(new Uint256(BigInteger.valueOf(12))));
        assertEquals(new RootOnly(IN, BigInteger.valueOf(12)), LegacySettlementEvents.decode(List.of(
                LegacySettlementEvents.BATCH_SETTLEMENT_TOPIC, IN), data));
        // today's BatchSettlement data (size + blob id) under the old topic is refused
        String today = "0x" + FunctionEncoder.encodeConstructor(List.of(new Uint256(BigInteger.ONE),
                new DynamicBytes("blob".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IllegalArgumentException.class, () -> LegacySettlementEvents.decode(List.of(
                LegacySettlementEvents.BATCH_SETTLEMENT_TOPIC, IN), today));
        assertTrue(LegacySettlementEvents.signatureOf(LegacySettlementEvents.BATCH_SETTLEMENT_TOPIC).orElseThrow()
                .contains("uint256)"));
        assertThrows(IllegalArgumentException.class, () -> LegacySettlementEvents.decode(List.of(
                EventEncoder.encode(SettlementEvents.BATCH_SETTLEMENT), IN), data));
    }

    private static Map<String, String> eventTopics(JsonNode abi) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode e : abi) {
            if (!"event".equals(e.path("type").asText())) {
                continue;
            }
            String name = e.path("name").asText();
            if (!List.of("Settlement", "BatchSettlement", "SettlementWithMetadata", "IndividualSettlement")
                    .contains(name)) {
                continue;
            }
            List<String> types = new ArrayList<>();
            e.path("inputs").forEach(i -> types.add(i.path("type").asText()));
            out.put(name, Numeric.toHexString(Hash.sha3((name + "(" + String.join(",", types) + ")")
                    .getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SettlementEraAbisTest.class.getResourceAsStream("/opengradient/settlement-abi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
