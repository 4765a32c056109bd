package io.proofdesk.verify.checks;

import io.proofdesk.chain.LegacySettlementEvents;
import io.proofdesk.chain.LogFacts;
import io.proofdesk.chain.sync.InferenceResultLogs;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.SettlementKind;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The events a record can come from and how a log is held against the stored record: topic0 names the event, the
 * indexed topics and the decoded data must equal the stored fields. ONNX {@code InferenceResult} logs are matched
 * by topic0 (both ModelOutput layouts); their tensors are decoded by the sync, not re-decoded here.
 */
public final class SettlementEvents {

    public static final Event INDIVIDUAL_SETTLEMENT = new Event("IndividualSettlement", List.of(
            new TypeReference<Bytes32>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Bytes32>() { }, new TypeReference<Bytes32>() { }, new TypeReference<Uint256>() { },
            new TypeReference<DynamicBytes>() { }, new TypeReference<DynamicBytes>() { }));
    public static final Event BATCH_SETTLEMENT = new Event("BatchSettlement", List.of(
            new TypeReference<Bytes32>(true) { }, new TypeReference<Uint256>() { },
            new TypeReference<DynamicBytes>() { }));
    // encoded once: every record check compares its log against them
    private static final String INDIVIDUAL_TOPIC = EventEncoder.encode(INDIVIDUAL_SETTLEMENT);
    private static final String BATCH_TOPIC = EventEncoder.encode(BATCH_SETTLEMENT);
    private static final List<TypeReference<Type>> INDIVIDUAL_DATA = INDIVIDUAL_SETTLEMENT.getNonIndexedParameters();
    private static final List<TypeReference<Type>> BATCH_DATA = BATCH_SETTLEMENT.getNonIndexedParameters();
    public static final String INFERENCE_RESULT_TOPIC = topic(
            "InferenceResult(((string,(int128,int128)[],int256[])[],(string,string[])[],bool))");
    public static final String INFERENCE_RESULT_JSONS_TOPIC = topic(
            "InferenceResult(((string,(int128,int128)[],int256[])[],(string,string[])[],(string,string)[],bool))");

    private SettlementEvents() {
    }

    private static String topic(String signature) {
        return Numeric.toHexString(Hash.sha3(signature.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every way {@code log} disagrees with the stored record; empty if it is the record's event. */
    @SuppressWarnings("rawtypes")
    public static List<String> mismatches(Inference r, LogFacts log) {
        List<String> problems = new ArrayList<>();
        List<String> topics = log.topics();
        String topic0 = topics.isEmpty() ? "none" : topics.getFirst();
        if (LegacySettlementEvents.isLegacyTopic(topic0)) {
            return LegacySettlementCheck.mismatches(r, log);
        }
        try {
            switch (r.settlement()) {
                case INDIVIDUAL -> {
                    if (!expectTopic(problems, topic0, INDIVIDUAL_TOPIC, "IndividualSettlement")
                            || !expectCount(problems, topics, 3)) {
                        return problems;
                    }
                    same(problems, "TEE id", topics.get(1), r.teeId());
                    if (r.ethAddress() != null) {
                        same(problems, "payer address", Numeric.toHexStringWithPrefixZeroPadded(
                                Numeric.toBigInt(topics.get(2)), 40), r.ethAddress());
                    }
                    List<Type> data = FunctionReturnDecoder.decode(log.data(), INDIVIDUAL_DATA);
                    if (data.size() != 5) {
                        problems.add("the log's data is not IndividualSettlement's");
                        return problems;
                    }
                    same(problems, "input hash", hex(data.get(0)), r.inputHash());
                    same(problems, "output hash", hex(data.get(1)), r.outputHash());
                    long ts = ((Uint256) data.get(2)).getValue().longValue();
                    if (((Uint256) data.get(2)).getValue().bitLength() > 62 || ts != r.timestamp().getEpochSecond()) {
                        problems.add("timestamp on chain " + ((Uint256) data.get(2)).getValue() + ", stored "
                                + r.timestamp().getEpochSecond());
                    }
                    sameBlobId(problems, (DynamicBytes) data.get(3), r.blobId());
                    if (!Arrays.equals(((DynamicBytes) data.get(4)).getValue(), r.signature().toArray())) {
                        problems.add("the signature on chain differs from the stored one");
                    }
                }
                case BATCH -> {
                    if (!expectTopic(problems, topic0, BATCH_TOPIC, "BatchSettlement")
                            || !expectCount(problems, topics, 2)) {
                        return problems;
                    }
                    same(problems, "Merkle root", topics.get(1), r.merkleRoot());
                    List<Type> data = FunctionReturnDecoder.decode(log.data(), BATCH_DATA);
                    if (data.size() != 2) {
                        problems.add("the log's data is not BatchSettlement's");
                        return problems;
                    }
                    // the leaf index is the record's place in the batch's published list, which may hold records left
                    // out of the tree (batchSize counts leaves); whether the leaf is in the tree is batch-inclusion's check
                    sameBlobId(problems, (DynamicBytes) data.get(1), r.blobId());
                }
                case ONCHAIN -> {
                    if (io.proofdesk.chain.sync.PrecompileLogs.isModelInference(topic0)) {
                        problems.addAll(io.proofdesk.chain.sync.PrecompileLogs.requestMismatches(topics, log.data(),
                                r.mode().code(), r.model()));
                    } else if (!InferenceResultLogs.isKnown(topic0)) {
                        problems.add("the log is not an InferenceResult event (topic0 " + topic0 + ")");
                    }
                }
            }
        } catch (RuntimeException e) {
            problems.add("the log cannot be decoded as the record's event: " + e.getMessage());
        }
        return problems;
    }

    private static boolean expectTopic(List<String> problems, String actual, String expected, String event) {
        if (!actual.equalsIgnoreCase(expected)) {
            problems.add("the log is not a " + event + " event (topic0 " + actual + ")");
            return false;
        }
        return true;
    }

    private static boolean expectCount(List<String> problems, List<String> topics, int n) {
        if (topics.size() != n) {
            problems.add("the log has " + topics.size() + " topics, the event has " + n);
            return false;
        }
        return true;
    }

    private static String hex(Type<?> t) {
        return Numeric.toHexString(((Bytes32) t).getValue());
    }

    private static void same(List<String> problems, String what, String onChain, String stored) {
        if (stored == null || !onChain.toLowerCase(Locale.ROOT).equals(stored.toLowerCase(Locale.ROOT))) {
            problems.add(what + " on chain " + onChain + ", stored " + stored);
        }
    }

    private static void sameBlobId(List<String> problems, DynamicBytes onChain, String stored) {
        String id = new String(onChain.getValue(), StandardCharsets.UTF_8);
        if (!id.equals(stored)) {
            problems.add("blob id on chain '" + id + "', stored '" + stored + "'");
        }
    }

}
