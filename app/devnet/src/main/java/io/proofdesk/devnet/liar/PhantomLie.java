package io.proofdesk.devnet.liar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Invents one record per block that holds any: a copy of the block's first settlement or inference log under a
 * transaction hash that does not exist, at log index 999. The liar stands by it everywhere: the copy follows its
 * original in eth_getLogs, the block lists the transaction and its receipts hold one for it, and
 * eth_getTransactionReceipt / eth_getTransactionByHash answer for it (the original transaction's, re-labelled).
 */
final class PhantomLie implements Lie {

    static final long PHANTOM_LOG_INDEX = 999;

    /** The invented transaction of one block, and which real log it copies. */
    record Phantom(String hash, String sourceTx, long sourceIndex, long txIndex, ObjectNode log, ObjectNode receipt) {
    }

    private final LieTargets targets;
    private final Upstream upstream;
    private final Map<Long, Optional<Phantom>> byBlock = new HashMap<>();
    private final Map<String, Phantom> byHash = new HashMap<>();

    PhantomLie(LieTargets targets, Upstream upstream) {
        this.targets = targets;
        this.upstream = upstream;
    }

    @Override
    public JsonNode ownResult(String method, JsonNode params) throws IOException {
        Phantom p;
        synchronized (this) {
            p = byHash.get(params.path(0).asText("").toLowerCase(Locale.ROOT));
        }
        if (p == null) {
            return null;
        }
        return switch (method) {
            case "eth_getTransactionReceipt" -> p.receipt().deepCopy();
            case "eth_getTransactionByHash" -> transaction(p);
            default -> null;
        };
    }

    @Override
    public boolean rewriteAnswer(ObjectNode request, ObjectNode answer) throws IOException {
        String method = Lie.method(request);
        JsonNode result = answer.path("result");
        if (method.equals("eth_getLogs") && result instanceof ArrayNode logs) {
            return addToLogs(logs);
        }
        if (method.equals("eth_getBlockReceipts") && result instanceof ArrayNode receipts && !receipts.isEmpty()) {
            Optional<Phantom> p = phantomOf(RpcJson.quantity(receipts.get(0).path("blockNumber")));
            p.ifPresent(phantom -> receipts.add(phantom.receipt().deepCopy()));
            return p.isPresent();
        }
        if (RpcJson.blockMethod(method) && result instanceof ObjectNode block
                && block.get("transactions") instanceof ArrayNode txs) {
            Optional<Phantom> p = phantomOf(RpcJson.quantity(block.path("number")));
            if (p.isEmpty()) {
                return false;
            }
            if (!txs.isEmpty() && txs.get(0).isObject()) {
                txs.add(transaction(p.get()));
            } else {
                txs.add(p.get().hash());
            }
            return true;
        }
        return false;
    }

    private boolean addToLogs(ArrayNode logs) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        boolean changed = false;
        for (JsonNode log : logs) {
            out.add(log);
            if (targets.recordLog(log)) {
                Optional<Phantom> p = phantomOf(RpcJson.quantity(log.path("blockNumber")));
                if (p.isPresent() && p.get().sourceTx().equalsIgnoreCase(log.path("transactionHash").asText())
                        && p.get().sourceIndex() == RpcJson.quantity(log.path("logIndex"))) {
                    out.add(p.get().log().deepCopy());
                    changed = true;
                }
            }
        }
        if (changed) {
            logs.removeAll();
            logs.addAll(out);
        }
        return changed;
    }

    private ObjectNode transaction(Phantom p) throws IOException {
        if (!(upstream.call("eth_getTransactionByHash", p.sourceTx()) instanceof ObjectNode tx)) {
            throw new IOException("the transaction " + p.sourceTx() + " a phantom copies is gone");
        }
        tx.put("hash", p.hash());
        tx.put("transactionIndex", RpcJson.quantity(p.txIndex()));
        return tx;
    }

    /** The block's phantom, made from its receipts the first time the block is asked about. */
    private synchronized Optional<Phantom> phantomOf(long block) throws IOException {
        if (block < 0) {
            return Optional.empty();
        }
        Optional<Phantom> known = byBlock.get(block);
        if (known != null) {
            return known;
        }
        JsonNode receipts = upstream.call("eth_getBlockReceipts", RpcJson.quantity(block));
        Optional<Phantom> made = Optional.empty();
        for (JsonNode receipt : receipts == null ? List.<JsonNode>of() : receipts) {
            for (JsonNode log : receipt.path("logs")) {
                if (made.isEmpty() && targets.recordLog(log)) {
                    made = Optional.of(make(receipts.size(), (ObjectNode) receipt, log));
                }
            }
        }
        byBlock.put(block, made);
        made.ifPresent(p -> byHash.put(p.hash(), p));
        return made;
    }

    private static Phantom make(int txIndex, ObjectNode realReceipt, JsonNode realLog) {
        String sourceTx = realLog.path("transactionHash").asText().toLowerCase(Locale.ROOT);
        long sourceIndex = RpcJson.quantity(realLog.path("logIndex"));
        String hash = RpcJson.derivedHash("proofdesk-phantom:" + sourceIndex + ":", sourceTx);
        ObjectNode log = realLog.deepCopy();
        log.put("transactionHash", hash);
        log.put("transactionIndex", RpcJson.quantity(txIndex));
        log.put("logIndex", RpcJson.quantity(PHANTOM_LOG_INDEX));
        ObjectNode receipt = realReceipt.deepCopy();
        receipt.put("transactionHash", hash);
        receipt.put("transactionIndex", RpcJson.quantity(txIndex));
        receipt.putArray("logs").add(log.deepCopy());
        receipt.put("logsBloom", RpcJson.bloom(List.of(log)));
        return new Phantom(hash, sourceTx, sourceIndex, txIndex, log, receipt);
    }
}
