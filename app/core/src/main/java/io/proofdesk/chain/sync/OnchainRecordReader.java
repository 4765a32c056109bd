package io.proofdesk.chain.sync;

import io.proofdesk.domain.BlockRef;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import static io.proofdesk.chain.sync.ChunkReader.UNKNOWN_MODEL;

/**
 * Builds the records of a chunk's InferenceResult logs: the output from the log, and model, mode and input from the
 * calldata of the log's transaction (the k-th InferenceResult log of a contract in a transaction belongs to the k-th
 * record of its calldata). The transactions are fetched in JSON-RPC batches on the reading thread; as each batch
 * arrives, the records of its transactions are built on the decoding threads, one task per transaction and contract,
 * while the next batch downloads. Calldata decoding is the chunk's largest CPU item (web3j's reflective decoder).
 */
final class OnchainRecordReader {

    private final ModelCatalog catalog;
    private final InferenceCalls calls = new InferenceCalls();
    private final TensorDecoder tensors = new TensorDecoder();

    OnchainRecordReader(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** The logs of one transaction and contract, with their positions among the chunk's InferenceResult logs. */
    private record Group(String txHash, String address, List<Log> logs, List<Integer> positions) {
    }

    /** The builds of one chunk's records, started as their transactions arrive. */
    final class Builds {
        private final int count;
        private final Map<String, List<Group>> byTx = new LinkedHashMap<>();
        private final List<CompletableFuture<List<BuiltRecord>>> started = new ArrayList<>();
        private final List<Group> startedGroups = new ArrayList<>();

        private Builds(List<Log> logs) {
            count = logs.size();
            Map<String, Group> groups = new LinkedHashMap<>();
            for (int i = 0; i < logs.size(); i++) {
                Log l = logs.get(i);
                String tx = l.getTransactionHash().toLowerCase(Locale.ROOT);
                String address = l.getAddress().toLowerCase(Locale.ROOT);
                Group g = groups.computeIfAbsent(tx + "/" + address,
                        key -> new Group(tx, address, new ArrayList<>(), new ArrayList<>()));
                g.logs().add(l);
                g.positions().add(i);
            }
            groups.values().forEach(g -> byTx.computeIfAbsent(g.txHash(), h -> new ArrayList<>()).add(g));
        }

        /**
         * Fetches the transactions batch by batch and starts each batch's builds on {@code pool}. A failed fetch
         * throws; the builds started before it are in {@link #started()}.
         */
        void start(RpcEndpoint rpc, Map<Long, BlockRef> headers, Executor pool,
                   Map<String, io.proofdesk.chain.proof.SignedTransaction> proved) {
            start(rpc, headers, pool, proved, Map.of());
        }

        /**
         * As above; {@code early} holds calls already being decoded, by transaction hash, from the calldata the proofs
         * were given (see {@link #decodeEarly}): a call whose calldata is the proved one is not decoded again.
         */
        void start(RpcEndpoint rpc, Map<Long, BlockRef> headers, Executor pool,
                   Map<String, io.proofdesk.chain.proof.SignedTransaction> proved, Map<String, EarlyCall> early) {
            List<String> hashes = List.copyOf(byTx.keySet());
            for (int i = 0; i < hashes.size(); i += RpcEndpoint.TRANSACTIONS_PER_BATCH) {
                List<String> batch = hashes.subList(i, Math.min(hashes.size(), i + RpcEndpoint.TRANSACTIONS_PER_BATCH));
                // proved calldata comes from the block's proved transactions, never from eth_getTransactionByHash
                Map<String, Transaction> txs = proved == null ? rpc.transactions(batch) : Map.of();
                for (String hash : batch) {
                    io.proofdesk.chain.proof.SignedTransaction p = proved == null ? null : proved.get(hash);
                    if (proved != null && p == null) {
                        throw new IllegalStateException("transaction " + hash + " was not proved with its block");
                    }
                    Transaction tx = txs.get(hash);
                    EarlyCall e = early.get(hash);
                    for (Group g : byTx.get(hash)) {
                        startedGroups.add(g);
                        if (p != null && e != null && e.decodes(p, g.address())) {
                            started.add(e.call().thenApplyAsync(call -> build(rpc, g, headers, call), pool));
                        } else if (p != null) {
                            started.add(CompletableFuture.supplyAsync(() -> build(rpc, g, headers,
                                    decodeCall(p.to().orElse(null), p.input(), g.address())), pool));
                        } else {
                            started.add(CompletableFuture.supplyAsync(() -> build(rpc, g, headers,
                                    decodeCall(tx, g.address())), pool));
                        }
                    }
                }
            }
        }

        /** The builds started so far, to wait for when the chunk fails. */
        List<CompletableFuture<List<BuiltRecord>>> started() {
            return started;
        }

        /** Every record, in the order of the logs given; waits for the builds. */
        List<BuiltRecord> join(RpcEndpoint rpc) {
            BuiltRecord[] out = new BuiltRecord[count];
            for (int i = 0; i < started.size(); i++) {
                List<BuiltRecord> built = ChunkReader.joined(started.get(i), rpc);
                List<Integer> positions = startedGroups.get(i).positions();
                for (int k = 0; k < built.size(); k++) {
                    out[positions.get(k)] = built.get(k);
                }
            }
            return List.of(out);
        }
    }

    /** The builds of these InferenceResult logs (in block and log order), not yet started. */
    Builds builds(List<Log> logs) {
        return new Builds(logs);
    }

    /**
     * A call's calldata being decoded before its transaction is proved, so that web3j's decoding (the chunk's largest
     * CPU item) runs while the chunk's receipts are read and its blocks proved. Its result is used only for a
     * transaction whose proved recipient and calldata are exactly these; a chunk whose proof fails drops it.
     */
    record EarlyCall(String to, byte[] input, CompletableFuture<Object> call) {
        boolean decodes(io.proofdesk.chain.proof.SignedTransaction proved, String address) {
            return to != null && to.equalsIgnoreCase(address) && proved.to().isPresent()
                    && proved.to().get().equalsIgnoreCase(to) && proved.inputEquals(input);
        }
    }

    /**
     * Starts decoding, on {@code pool}, the calldata of the transactions of {@code blocks} (JSON block objects with
     * full transactions) that {@code wanted} names (transaction hash to the inference contract its logs came from).
     * Each calldata decoded from hex is put in {@code decoded} by its {@code input} text node (identity), for the
     * proof to take instead of decoding that hex again.
     */
    Map<String, EarlyCall> decodeEarly(Map<Long, com.fasterxml.jackson.databind.JsonNode> blocks,
                                       Map<String, String> wanted, Executor pool,
                                       Map<com.fasterxml.jackson.databind.JsonNode, byte[]> decoded) {
        Map<String, EarlyCall> out = new java.util.HashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode block : blocks.values()) {
            for (com.fasterxml.jackson.databind.JsonNode tx : block.path("transactions")) {
                String hash = tx.path("hash").asText("").toLowerCase(Locale.ROOT);
                String to = tx.path("to").isTextual() ? tx.path("to").asText() : null;
                String address = wanted.get(hash);
                if (address == null || to == null || !to.equalsIgnoreCase(address) || out.containsKey(hash)) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode text = tx.path("input");
                byte[] input = text.isTextual() ? StrictInferenceAbi.hexBytes(text.asText()) : null;
                if (input == null) {
                    continue; // not hex: the proof refuses the block
                }
                decoded.put(text, input);
                out.put(hash, new EarlyCall(to, input, CompletableFuture.supplyAsync(() -> decodeCall(to, input,
                        address), pool)));
            }
        }
        return out;
    }

    /** The records of one transaction's logs of one contract, in log order, from its decoded call. */
    private List<BuiltRecord> build(RpcEndpoint rpc, Group g, Map<Long, BlockRef> headers, Object call) {
        List<BuiltRecord> out = new ArrayList<>(g.logs().size());
        for (int k = 0; k < g.logs().size(); k++) {
            Log l = g.logs().get(k);
            InferenceResultLogs.Layout layout = InferenceResultLogs.layout(l.getTopics().getFirst());
            ChainModelData output = ChunkReader.decodeLog(rpc.url(), l, layout.name(), () -> layout.decoder().apply(l));
            out.add(record(l, k, call, output, headers));
        }
        return out;
    }

    private BuiltRecord record(Log l, int k, Object call, ChainModelData output, Map<Long, BlockRef> headers) {
        RecordId id = RecordId.of(l.getTransactionHash().toLowerCase(Locale.ROOT), l.getLogIndex().longValueExact());
        long block = l.getBlockNumber().longValueExact();
        List<String> problems = new ArrayList<>();
        InferenceCalls.CallRecord record = null;
        if (call instanceof String reason) {
            problems.add(reason);
        } else {
            @SuppressWarnings("unchecked")
            List<InferenceCalls.CallRecord> records = (List<InferenceCalls.CallRecord>) call;
            if (k < records.size()) {
                record = records.get(k);
            } else {
                problems.add("the transaction's calldata has " + records.size() + " records but this is result "
                        + (k + 1));
            }
        }
        InferenceMode mode = InferenceMode.VANILLA;
        String model = UNKNOWN_MODEL;
        String version = null;
        List<Tensor> in = List.of();
        List<Tensor> outTensors = List.of();
        ModelCatalog.Entry entry = null;
        if (record != null) {
            model = record.modelId().isBlank() ? UNKNOWN_MODEL : record.modelId();
            if (record.mode().signum() >= 0 && record.mode().compareTo(BigInteger.TWO) <= 0) {
                mode = InferenceMode.fromCode(record.mode().intValue());
            } else {
                problems.add("unknown inference mode " + record.mode() + " (stored as VANILLA)");
            }
            entry = catalog.resolve(model);
            version = entry.version();
            if (entry.hasSignature()) {
                try {
                    in = tensors.inputs(ChainTensor.toFixedPoint(record.input().numbers()), record.input().strings(),
                            entry.inputs());
                } catch (RecordProblem p) {
                    problems.add(p.getMessage());
                }
            } else {
                problems.add(entry.problem() + "; inputs not decoded");
            }
        } else {
            problems.add("mode unknown (stored as VANILLA)");
        }
        try {
            outTensors = tensors.claimedOutputs(ChainTensor.toFixedPoint(output.numbers()), output.strings(),
                    entry == null ? null : entry.outputs());
        } catch (RecordProblem p) {
            problems.add(p.getMessage());
        }
        return new BuiltRecord(new Inference(id, mode, model, version, null, null, SettlementKind.ONCHAIN, block,
                headers.get(block).timestamp(), null, null, null, null, null, null, List.of(), in, outTensors, null),
                problems);
    }

    /** The records of the call, or the reason (String) they cannot be had. */
    private Object decodeCall(Transaction tx, String address) {
        if (tx.getTo() == null || !tx.getTo().equalsIgnoreCase(address)) {
            return notTheContract(tx.getTo());
        }
        try {
            return calls.decode(tx.getInput());
        } catch (RecordProblem p) {
            return p.getMessage();
        }
    }

    /** As above for a proved transaction's recipient and calldata bytes. */
    private Object decodeCall(String to, byte[] input, String address) {
        if (to == null || !to.equalsIgnoreCase(address)) {
            return notTheContract(to);
        }
        try {
            return calls.decode(input);
        } catch (RecordProblem p) {
            return p.getMessage();
        }
    }

    private static String notTheContract(String to) {
        return "the transaction calls " + to + ", not the inference contract, so its input is not in the calldata";
    }
}
