package io.proofdesk.chain;

import io.proofdesk.domain.TeeEventKind;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The TEE registry's events of every version (og-evm {@code contracts/solidity/TEERegistry.sol}), each known by its
 * topic0 alone, so a sync over a registry's whole history reads each event in the layout it was emitted in:
 * <ul>
 * <li>Feb 2026 (9792d76, 00e7bba, 1a73916): {@code TEEActivated(bytes32)}, {@code TEEDeactivated(bytes32)},
 * {@code PCRApproved(bytes32 indexed, string)} (no TEE type: a PCR set was approved for every type),
 * {@code PCRRevoked(bytes32)}; {@code HeartbeatReceived} since 1a73916;</li>
 * <li>Mar 10 2026 (758e149, "type-bound PCRs"): {@code PCRApproved(bytes32 indexed, uint8 indexed, string)},
 * {@code PCRRevoked(bytes32 indexed, uint256 gracePeriod)}, {@code TEERemoved(bytes32)};</li>
 * <li>since 8d35b76 ("clean up naming"): {@code TEEEnabled(bytes32)}, {@code TEEDisabled(bytes32)},
 * {@code PCRRevoked(bytes32 indexed, uint8 indexed)};</li>
 * <li>{@code TEERegistered(bytes32,address,uint8)} and {@code HeartbeatReceived(bytes32,uint256)} never changed.</li>
 * </ul>
 * A revocation with a grace period is kept as a revocation at its own block: the approval's end in time lies in a
 * block not yet known when the event is read, and a record signed during the grace period is better flagged than
 * passed. A TEE removed (758e149) can sign nothing valid any more, so it reads as disabled.
 */
public final class TeeRegistryEvents {

    /** Approvals of the first version hold no TEE type: the PCR set was approved for every type. */
    public static final int ANY_TEE_TYPE = -1;

    /** One registry event as the store keeps it; null where the version's event does not say it. */
    public record Decoded(TeeEventKind kind, String teeId, String pcrHash, Integer teeType, String version,
                   BigInteger timestamp, BigInteger gracePeriod) {
    }

    private enum Shape {
        TEE_ID, REGISTERED, HEARTBEAT, PCR_TYPED_VERSION, PCR_VERSION, PCR_ONLY, PCR_GRACE, PCR_TYPED
    }

    private record Known(String signature, TeeEventKind kind, Shape shape, Event event) {
    }

    private static final Map<String, Known> BY_TOPIC = new LinkedHashMap<>();

    static {
        add("TEERegistered(bytes32,address,uint8)", TeeEventKind.REGISTERED, Shape.REGISTERED, new Event(
                "TEERegistered", List.of(new TypeReference<Bytes32>(true) { }, new TypeReference<Address>(true) { },
                new TypeReference<Uint8>() { })));
        add("TEEEnabled(bytes32)", TeeEventKind.ENABLED, Shape.TEE_ID, teeIdEvent("TEEEnabled"));
        add("TEEDisabled(bytes32)", TeeEventKind.DISABLED, Shape.TEE_ID, teeIdEvent("TEEDisabled"));
        add("TEEActivated(bytes32)", TeeEventKind.ENABLED, Shape.TEE_ID, teeIdEvent("TEEActivated"));
        add("TEEDeactivated(bytes32)", TeeEventKind.DISABLED, Shape.TEE_ID, teeIdEvent("TEEDeactivated"));
        add("TEERemoved(bytes32)", TeeEventKind.DISABLED, Shape.TEE_ID, teeIdEvent("TEERemoved"));
        add("HeartbeatReceived(bytes32,uint256)", TeeEventKind.HEARTBEAT, Shape.HEARTBEAT, new Event(
                "HeartbeatReceived", List.of(new TypeReference<Bytes32>(true) { },
                new TypeReference<Uint256>() { })));
        add("PCRApproved(bytes32,uint8,string)", TeeEventKind.PCR_APPROVED, Shape.PCR_TYPED_VERSION, new Event(
                "PCRApproved", List.of(new TypeReference<Bytes32>(true) { }, new TypeReference<Uint8>(true) { },
                new TypeReference<Utf8String>() { })));
        add("PCRApproved(bytes32,string)", TeeEventKind.PCR_APPROVED, Shape.PCR_VERSION, new Event("PCRApproved",
                List.of(new TypeReference<Bytes32>(true) { }, new TypeReference<Utf8String>() { })));
        add("PCRRevoked(bytes32)", TeeEventKind.PCR_REVOKED, Shape.PCR_ONLY, new Event("PCRRevoked",
                List.of(new TypeReference<Bytes32>(true) { })));
        add("PCRRevoked(bytes32,uint256)", TeeEventKind.PCR_REVOKED, Shape.PCR_GRACE, new Event("PCRRevoked",
                List.of(new TypeReference<Bytes32>(true) { }, new TypeReference<Uint256>() { })));
        add("PCRRevoked(bytes32,uint8)", TeeEventKind.PCR_REVOKED, Shape.PCR_TYPED, new Event("PCRRevoked",
                List.of(new TypeReference<Bytes32>(true) { }, new TypeReference<Uint8>(true) { })));
    }

    private TeeRegistryEvents() {
    }

    private static Event teeIdEvent(String name) {
        return new Event(name, List.of(new TypeReference<Bytes32>(true) { }));
    }

    private static void add(String signature, TeeEventKind kind, Shape shape, Event event) {
        String topic = EventEncoder.encode(event);
        BY_TOPIC.put(topic, new Known(signature, kind, shape, event));
    }

    /** Every topic0 of every registry version's kept events. */
    public static Set<String> topics() {
        return BY_TOPIC.keySet();
    }

    /** The topics of the events about one TEE (its id is topic 1): registration, enabling, disabling, heartbeats. */
    public static List<String> teeTopics() {
        return BY_TOPIC.entrySet().stream().filter(e -> switch (e.getValue().kind()) {
            case REGISTERED, ENABLED, DISABLED, HEARTBEAT -> true;
            default -> false;
        }).map(Map.Entry::getKey).toList();
    }

    public static boolean isKnown(String topic0) {
        return topic0 != null && BY_TOPIC.containsKey(topic0.toLowerCase(Locale.ROOT));
    }

    /** The event's signature, for messages, or null when no version has this topic. */
    public static String signatureOf(String topic0) {
        Known k = topic0 == null ? null : BY_TOPIC.get(topic0.toLowerCase(Locale.ROOT));
        return k == null ? null : k.signature();
    }

    /**
     * A registry log read in its version's layout.
     *
     * @throws IllegalArgumentException when no version has its topic0, or its topics or data do not fit
     */
    @SuppressWarnings("rawtypes")
    public static Decoded decode(List<String> topics, String data) {
        Known k = topics.isEmpty() ? null : BY_TOPIC.get(topics.getFirst().toLowerCase(Locale.ROOT));
        if (k == null) {
            throw new IllegalArgumentException("no TEERegistry version has an event with topic0 "
                    + (topics.isEmpty() ? "(none)" : topics.getFirst()));
        }
        int indexed = k.event().getIndexedParameters().size();
        if (topics.size() != indexed + 1) {
            throw new IllegalArgumentException(k.signature() + " has " + (indexed + 1) + " topics, the log "
                    + topics.size());
        }
        List<Type> values = FunctionReturnDecoder.decode(data == null ? "0x" : data,
                k.event().getNonIndexedParameters());
        int expected = k.event().getNonIndexedParameters().size();
        if (values.size() != expected) {
            throw new IllegalArgumentException("the data is not " + k.signature() + "'s");
        }
        String first = bytes32(topics.get(1));
        return switch (k.shape()) {
            case TEE_ID -> new Decoded(k.kind(), first, null, null, null, null, null);
            case REGISTERED -> new Decoded(k.kind(), first, null, uint8(values.getFirst()), null, null, null);
            case HEARTBEAT -> new Decoded(k.kind(), first, null, null, null,
                    ((Uint256) values.getFirst()).getValue(), null);
            case PCR_TYPED_VERSION -> new Decoded(k.kind(), null, first, uint8Topic(topics.get(2)),
                    ((Utf8String) values.getFirst()).getValue(), null, null);
            case PCR_VERSION -> new Decoded(k.kind(), null, first, ANY_TEE_TYPE,
                    ((Utf8String) values.getFirst()).getValue(), null, null);
            case PCR_ONLY -> new Decoded(k.kind(), null, first, null, null, null, null);
            case PCR_GRACE -> new Decoded(k.kind(), null, first, null, null, null,
                    ((Uint256) values.getFirst()).getValue());
            case PCR_TYPED -> new Decoded(k.kind(), null, first, uint8Topic(topics.get(2)), null, null, null);
        };
    }

    private static String bytes32(String topic) {
        String t = topic.toLowerCase(Locale.ROOT);
        if (!t.matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException("topic is not 32 bytes of hex: " + topic);
        }
        return t;
    }

    private static Integer uint8(Type<?> t) {
        return ((Uint8) t).getValue().intValueExact();
    }

    private static Integer uint8Topic(String topic) {
        BigInteger v = new BigInteger(bytes32(topic).substring(2), 16);
        if (v.bitLength() > 8) {
            throw new IllegalArgumentException("TEE type topic is not a uint8: " + topic);
        }
        return v.intValue();
    }
}
