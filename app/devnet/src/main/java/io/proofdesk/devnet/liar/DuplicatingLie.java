package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Serves every log twice in a row (same transaction, same log index), in eth_getLogs and in receipts alike. */
final class DuplicatingLie implements Lie {

    @Override
    public boolean rewriteAnswer(ObjectNode request, ObjectNode answer) {
        return RpcJson.rewriteLogs(Lie.method(request), answer.path("result"), (logs, receipt) -> twice(logs));
    }

    private static boolean twice(ArrayNode logs) {
        if (logs.isEmpty()) {
            return false;
        }
        List<JsonNode> doubled = new ArrayList<>();
        logs.forEach(l -> {
            doubled.add(l);
            doubled.add(l.deepCopy());
        });
        logs.removeAll();
        logs.addAll(doubled);
        return true;
    }
}
