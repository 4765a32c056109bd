package io.proofdesk.devnet.chain;

import io.proofdesk.devnet.contracts.Inference;
import io.proofdesk.devnet.contracts.InferenceJsons;
import io.proofdesk.devnet.contracts.InferenceSettlementRelay;
import io.proofdesk.devnet.contracts.TEERegistry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The demo network's deployed contracts, as wrappers bound to the session that deployed them. */
public record DevnetContracts(TEERegistry teeRegistry, InferenceSettlementRelay settlementRelay,
        Inference inference, InferenceJsons inferenceJsons) {

    /** Names as in devnet.json's "contracts" object -> 0x addresses (lower case). */
    public Map<String, String> addresses() {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("TEERegistry", teeRegistry.getContractAddress().toLowerCase(Locale.ROOT));
        addresses.put("InferenceSettlementRelay", settlementRelay.getContractAddress().toLowerCase(Locale.ROOT));
        addresses.put("Inference", inference.getContractAddress().toLowerCase(Locale.ROOT));
        addresses.put("InferenceJsons", inferenceJsons.getContractAddress().toLowerCase(Locale.ROOT));
        return Map.copyOf(addresses);
    }

    /** Binds already deployed contracts (e.g. from devnet.json) to a session. */
    public static DevnetContracts load(ChainSession session, String teeRegistry, String settlementRelay,
            String inference, String inferenceJsons) {
        return new DevnetContracts(
                TEERegistry.load(teeRegistry, session.web3j(), session.transactionManager(), session.gasProvider()),
                InferenceSettlementRelay.load(settlementRelay, session.web3j(), session.transactionManager(),
                        session.gasProvider()),
                Inference.load(inference, session.web3j(), session.transactionManager(), session.gasProvider()),
                InferenceJsons.load(inferenceJsons, session.web3j(), session.transactionManager(),
                        session.gasProvider()));
    }
}
