package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;

/**
 * Hides every third watched log (log index 2 mod 3) from eth_getLogs and from the receipts that hold it, whose
 * logsBloom then covers only the logs left, so logs and receipts tell one story. Block headers are left honest.
 */
final class OmittingLie implements Lie {

    private final LieTargets targets;

    OmittingLie(LieTargets targets) {
        this.targets = targets;
    }

    @Override
    public boolean rewriteAnswer(ObjectNode request, ObjectNode answer) {
        return RpcJson.rewriteLogs(Lie.method(request), answer.path("result"), (logs, receipt) -> {
            boolean dropped = dropPicked(logs);
            if (dropped && receipt != null) {
                receipt.put("logsBloom", RpcJson.bloom(logs)); // the receipt tells the same story as its logs
            }
            return dropped;
        });
    }

    private boolean dropPicked(ArrayNode logs) {
        boolean changed = false;
        for (Iterator<JsonNode> it = logs.elements(); it.hasNext(); ) {
            if (targets.picked(it.next())) {
                it.remove();
                changed = true;
            }
        }
        return changed;
    }
}
