package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;

/**
 * Hides every third watched log (log index 2 mod 3) from eth_getLogs and, unless told to spare them, from the
 * receipts that hold it, whose logsBloom then covers only the logs left, so logs and receipts tell one story. Block
 * headers are left honest. Sparing the receipts is the careless liar: its omission is recoverable from them. It also
 * hides every watched log of even-numbered blocks, which then yield no log at all.
 */
final class OmittingLie implements Lie {

    private final LieTargets targets;
    private final boolean inReceipts;

    OmittingLie(LieTargets targets, boolean inReceipts) {
        this.targets = targets;
        this.inReceipts = inReceipts;
    }

    @Override
    public boolean rewriteAnswer(ObjectNode request, ObjectNode answer) {
        return RpcJson.rewriteLogs(Lie.method(request), answer.path("result"), (logs, receipt) -> {
            if (receipt != null && !inReceipts) {
                return false;
            }
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
            JsonNode log = it.next();
            // the careless liar also hides whole blocks, so that only their headers' blooms betray them
            if (targets.picked(log) || !inReceipts && targets.watched(log)
                    && RpcJson.quantity(log.path("blockNumber")) % 2 == 0) {
                it.remove();
                changed = true;
            }
        }
        return changed;
    }
}
