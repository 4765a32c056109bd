package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Changes one byte of the data of every third record log (log index 2 mod 3), the same in eth_getLogs and in the
 * receipts, so that the log still decodes but says something else: an IndividualSettlement's output hash (data byte
 * 63, so the settled output no longer matches its blob), an InferenceResult's first output number
 * ({@link OutputValueFlip}).
 */
final class ReceiptDataLie implements Lie {

    /** The last byte of the second data word: IndividualSettlement's outputHash. */
    static final int OUTPUT_HASH_LAST_BYTE = 63;

    private final LieTargets targets;

    ReceiptDataLie(LieTargets targets) {
        this.targets = targets;
    }

    @Override
    public boolean rewriteAnswer(ObjectNode request, ObjectNode answer) {
        return RpcJson.rewriteLogs(Lie.method(request), answer.path("result"), (logs, receipt) -> alter(logs));
    }

    private boolean alter(ArrayNode logs) {
        boolean changed = false;
        for (JsonNode l : logs) {
            if (l instanceof ObjectNode log && targets.recordLog(log) && targets.picked(log)) {
                String data = log.path("data").asText("0x");
                String topic0 = log.path("topics").path(0).asText("").toLowerCase(Locale.ROOT);
                log.put("data", LieTargets.INDIVIDUAL_SETTLEMENT.equals(topic0)
                        ? RpcJson.flipBit(data, OUTPUT_HASH_LAST_BYTE) : OutputValueFlip.flip(topic0, data));
                changed = true;
            }
        }
        return changed;
    }
}
