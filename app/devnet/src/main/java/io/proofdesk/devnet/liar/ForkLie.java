package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves a chain of its own from block {@code from} on: every block there gets another hash, and its parent hash is
 * the other hash of its parent, so the fork is linked block to block and hangs off the real block {@code from - 1}.
 * Logs, receipts and transactions carry the fork's block hashes; asked by a fork hash the liar answers for the real
 * block behind it, asked by a real hash of a forked block it knows no such block. Contents stay the real ones.
 */
final class ForkLie implements Lie {

    private static final Set<String> BY_HASH = Set.of("eth_getBlockByHash", "eth_getBlockReceipts",
            "eth_getTransactionByBlockHashAndIndex");

    private final long from;
    private final Map<String, String> realOf = new ConcurrentHashMap<>();

    ForkLie(long from) {
        this.from = from;
    }

    long from() {
        return from;
    }

    @Override
    public boolean rewriteRequest(ObjectNode request) {
        String method = Lie.method(request);
        if (!(request.get("params") instanceof ArrayNode params) || params.isEmpty()) {
            return false;
        }
        if (BY_HASH.contains(method)) {
            String real = realOf.get(params.get(0).asText("").toLowerCase(Locale.ROOT));
            if (real != null) {
                params.set(0, real);
                return true;
            }
        } else if (method.equals("eth_getLogs") && params.get(0) instanceof ObjectNode filter
                && filter.hasNonNull("blockHash")) {
            String real = realOf.get(filter.get("blockHash").asText().toLowerCase(Locale.ROOT));
            if (real != null) {
                filter.put("blockHash", real);
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean rewriteAnswer(ObjectNode request, ObjectNode answer) {
        String method = Lie.method(request);
        JsonNode result = answer.get("result");
        if (result == null || result.isNull()) {
            return false;
        }
        if (method.equals("eth_getBlockByHash") && askedForARealForkedBlock(request, result)) {
            answer.set("result", NullNode.getInstance());
            return true;
        }
        return walk(result);
    }

    /** Asked by the real hash of a block the fork replaced: on the liar's chain there is no such block. */
    private boolean askedForARealForkedBlock(ObjectNode request, JsonNode block) {
        String asked = request.path("params").path(0).asText("").toLowerCase(Locale.ROOT);
        return !realOf.containsKey(asked) && RpcJson.quantity(block.path("number")) >= from;
    }

    private boolean walk(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            long number = RpcJson.quantity(o.path("number"));
            if (o.hasNonNull("hash") && o.hasNonNull("parentHash") && number >= from) {
                o.put("hash", fork(o.get("hash").asText()));
                if (number > from) {
                    o.put("parentHash", fork(o.get("parentHash").asText()));
                }
                changed = true;
            }
            if (o.hasNonNull("blockHash") && RpcJson.quantity(o.path("blockNumber")) >= from) {
                o.put("blockHash", fork(o.get("blockHash").asText()));
                changed = true;
            }
            for (JsonNode child : o) {
                changed |= child.isContainerNode() && walk(child);
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode child : a) {
                changed |= walk(child);
            }
        }
        return changed;
    }

    private String fork(String realHash) {
        String real = realHash.toLowerCase(Locale.ROOT);
        String forked = RpcJson.derivedHash("proofdesk-fork:", real);
        realOf.put(forked, real);
        return forked;
    }
}
