package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import io.proofdesk.chain.contracts.IInference;
import io.proofdesk.chain.contracts.IInferenceJsons;
import io.proofdesk.chain.contracts.IInferenceNoShape;
import io.proofdesk.chain.contracts.IInferenceSettlementRelay;
import io.proofdesk.chain.contracts.IInferenceU32;
import io.proofdesk.chain.contracts.IInferenceU32Jsons;
import io.proofdesk.devnet.DevnetManifest;
import org.web3j.abi.EventEncoder;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a liar lies about: the logs of the inference contracts and the settlement relay ({@code inferenceContracts},
 * {@code relay}), and among those the ones a record is made of (IndividualSettlement, InferenceResult of every
 * ModelOutput layout). The TEE registry's logs and everything else pass untouched.
 */
public record LieTargets(Set<String> inferenceContracts, String relay) {

    private static final Set<String> RECORD_TOPICS = Set.of(
            EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT),
            EventEncoder.encode(IInference.INFERENCERESULT_EVENT),
            EventEncoder.encode(IInferenceJsons.INFERENCERESULT_EVENT),
            EventEncoder.encode(IInferenceNoShape.INFERENCERESULT_EVENT),
            EventEncoder.encode(IInferenceU32.INFERENCERESULT_EVENT),
            EventEncoder.encode(IInferenceU32Jsons.INFERENCERESULT_EVENT));
    static final String INDIVIDUAL_SETTLEMENT = EventEncoder.encode(IInferenceSettlementRelay.INDIVIDUALSETTLEMENT_EVENT);

    public LieTargets {
        Set<String> lower = new HashSet<>();
        inferenceContracts.forEach(a -> lower.add(a.toLowerCase(Locale.ROOT)));
        inferenceContracts = Set.copyOf(lower);
        relay = relay == null ? "" : relay.toLowerCase(Locale.ROOT);
    }

    /** The contracts of a devnet.json {@code contracts} object. */
    public static LieTargets of(Map<String, String> contracts) {
        Set<String> inference = new HashSet<>();
        for (String key : new String[]{DevnetManifest.INFERENCE, DevnetManifest.INFERENCE_JSONS}) {
            if (contracts.get(key) != null) {
                inference.add(contracts.get(key));
            }
        }
        return new LieTargets(inference, contracts.get(DevnetManifest.SETTLEMENT_RELAY));
    }

    /** A log of the inference contracts or the relay. */
    boolean watched(JsonNode log) {
        String address = log.path("address").asText("").toLowerCase(Locale.ROOT);
        return inferenceContracts.contains(address) || relay.equals(address);
    }

    /** A watched log a record is made of (a settlement or an inference result). */
    boolean recordLog(JsonNode log) {
        return watched(log) && RECORD_TOPICS.contains(log.path("topics").path(0).asText("").toLowerCase(Locale.ROOT));
    }

    /** Every third watched log: the ones whose log index is 2 mod 3, the same in every answer that holds them. */
    public boolean picked(JsonNode log) {
        return watched(log) && RpcJson.quantity(log.path("logIndex")) % 3 == 2;
    }

    /** A transaction sent to an inference contract. */
    boolean inferenceTransaction(JsonNode tx) {
        return inferenceContracts.contains(tx.path("to").asText("").toLowerCase(Locale.ROOT));
    }
}
