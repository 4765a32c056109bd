package io.proofdesk.chain;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settlement events of OpenGradient's first settlement relay ({@code SettlementRelay} in inference-facilitator
 * {@code contracts/settlement.sol}, commit 7557315, Dec 2025; replaced in Feb 2026 by the relay whose events carry a
 * Walrus blob id). Every hash is an indexed topic, so a {@code Settlement} log has no data at all:
 * <pre>
 * event Settlement(bytes32 indexed inputHash, bytes32 indexed outputHash);
 * event BatchSettlement(bytes32 indexed merkleRoot, uint256 batchSize);
 * event SettlementWithMetadata(bytes32 indexed inputHash, bytes32 indexed outputHash, string modelInfo,
 *                              bytes inputData, bytes outputData);
 * </pre>
 * None names a TEE, a signature or a blob: that is what an auditor of these records cannot check.
 */
public final class LegacySettlementEvents {

    public static final Event SETTLEMENT = new Event("Settlement", List.of(
            new TypeReference<Bytes32>(true) { }, new TypeReference<Bytes32>(true) { }));
    public static final Event BATCH_SETTLEMENT = new Event("BatchSettlement", List.of(
            new TypeReference<Bytes32>(true) { }, new TypeReference<Uint256>() { }));
    public static final Event SETTLEMENT_WITH_METADATA = new Event("SettlementWithMetadata", List.of(
            new TypeReference<Bytes32>(true) { }, new TypeReference<Bytes32>(true) { },
            new TypeReference<Utf8String>() { }, new TypeReference<DynamicBytes>() { },
            new TypeReference<DynamicBytes>() { }));

    public static final String SETTLEMENT_TOPIC = EventEncoder.encode(SETTLEMENT);
    public static final String BATCH_SETTLEMENT_TOPIC = EventEncoder.encode(BATCH_SETTLEMENT);
    public static final String SETTLEMENT_WITH_METADATA_TOPIC = EventEncoder.encode(SETTLEMENT_WITH_METADATA);
    public static final List<String> TOPICS = List.of(SETTLEMENT_TOPIC, BATCH_SETTLEMENT_TOPIC,
            SETTLEMENT_WITH_METADATA_TOPIC);

    private LegacySettlementEvents() {
    }

    /** One decoded legacy settlement log. */
    public sealed interface Decoded permits HashesOnly, WithMetadata, RootOnly {
    }

    /** {@code Settlement}: the two hashes and nothing else. */
    public record HashesOnly(String inputHash, String outputHash) implements Decoded {
    }

    /** {@code SettlementWithMetadata}: the hashes and, on chain, the model name and the input and output bytes. */
    public record WithMetadata(String inputHash, String outputHash, String modelInfo, byte[] inputData,
                               byte[] outputData) implements Decoded {
    }

    /** The old {@code BatchSettlement}: a Merkle root and the number of leaves, without a blob id. */
    public record RootOnly(String merkleRoot, BigInteger batchSize) implements Decoded {
    }

    public static boolean isLegacyTopic(String topic0) {
        return topic0 != null && TOPICS.contains(topic0.toLowerCase(Locale.ROOT));
    }

    /** The event's name, for messages ("Settlement(bytes32,bytes32)"), or empty when topic0 is none of them. */
    public static Optional<String> signatureOf(String topic0) {
        String t = topic0 == null ? "" : topic0.toLowerCase(Locale.ROOT);
        if (t.equals(SETTLEMENT_TOPIC)) {
            return Optional.of("Settlement(bytes32,bytes32)");
        } else if (t.equals(BATCH_SETTLEMENT_TOPIC)) {
            return Optional.of("BatchSettlement(bytes32,uint256)");
        } else if (t.equals(SETTLEMENT_WITH_METADATA_TOPIC)) {
            return Optional.of("SettlementWithMetadata(bytes32,bytes32,string,bytes,bytes)");
        }
        return Optional.empty();
    }

    /**
     * Decodes a log of one of the three events from its topics and data.
     *
     * @throws IllegalArgumentException when topic0 is none of them or the topics or data do not fit its layout
     */
    @SuppressWarnings("rawtypes")
    public static Decoded decode(List<String> topics, String data) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("the log has no topic0");
        }
        String topic0 = topics.getFirst().toLowerCase(Locale.ROOT);
        String hexData = data == null ? "0x" : data;
        if (topic0.equals(SETTLEMENT_TOPIC)) {
            expect(topics, 3, "Settlement");
            if (payloadLength(hexData) != 0) {
                throw new IllegalArgumentException("Settlement has every field indexed, yet the log carries data");
            }
            return new HashesOnly(topic(topics, 1), topic(topics, 2));
        } else if (topic0.equals(BATCH_SETTLEMENT_TOPIC)) {
            expect(topics, 2, "BatchSettlement(bytes32,uint256)");
            if (payloadLength(hexData) != 32) {
                throw new IllegalArgumentException("BatchSettlement(bytes32,uint256) data must be one uint256, got "
                        + payloadLength(hexData) + " bytes");
            }
            List<Type> values = FunctionReturnDecoder.decode(hexData, BATCH_SETTLEMENT.getNonIndexedParameters());
            return new RootOnly(topic(topics, 1), ((Uint256) values.getFirst()).getValue());
        } else if (topic0.equals(SETTLEMENT_WITH_METADATA_TOPIC)) {
            expect(topics, 3, "SettlementWithMetadata");
            List<Type> values = FunctionReturnDecoder.decode(hexData,
                    SETTLEMENT_WITH_METADATA.getNonIndexedParameters());
            if (values.size() != 3) {
                throw new IllegalArgumentException("the data is not (string, bytes, bytes)");
            }
            return new WithMetadata(topic(topics, 1), topic(topics, 2), ((Utf8String) values.get(0)).getValue(),
                    ((DynamicBytes) values.get(1)).getValue(), ((DynamicBytes) values.get(2)).getValue());
        }
        throw new IllegalArgumentException("topic0 " + topic0 + " is no event of the Dec 2025 settlement relay");
    }

    private static void expect(List<String> topics, int n, String event) {
        if (topics.size() != n) {
            throw new IllegalArgumentException(event + " has " + n + " topics, the log " + topics.size());
        }
    }

    private static String topic(List<String> topics, int i) {
        String t = topics.get(i).toLowerCase(Locale.ROOT);
        if (!t.matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException("topic " + i + " is not 32 bytes of hex: " + t);
        }
        return t;
    }

    private static int payloadLength(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return h.length() / 2;
    }
}
