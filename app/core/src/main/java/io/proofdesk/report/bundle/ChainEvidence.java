package io.proofdesk.report.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.proofdesk.chain.LogFacts;
import io.proofdesk.chain.ReceiptFacts;
import io.proofdesk.verify.ChainReader;

import java.io.IOException;
import java.util.Optional;

/**
 * The chain's answers a bundle keeps: the transaction receipt and the block header, as JSON in the shape
 * {@code eth_getTransactionReceipt} and {@code eth_getBlockByNumber} return ({@link JsonRpcChainEvidence} keeps
 * them exactly as the node sent them).
 */
public interface ChainEvidence {

    Optional<JsonNode> receipt(String txHash) throws IOException;

    Optional<JsonNode> block(long number) throws IOException;

    /**
     * The signed transaction, raw (its keccak256 is its hash), as {@code eth_getRawTransactionByHash} returns it: the
     * calldata an on-chain record's input is read from. Empty when the source cannot give it.
     */
    default Optional<byte[]> rawTransaction(String txHash) throws IOException {
        return Optional.empty();
    }

    /**
     * Block {@code number} with every transaction as an object ({@code eth_getBlockByNumber(N, true)}) and all of its
     * receipts in block order, for proving the record's receipt and transaction against the header. Empty when the
     * source cannot give them (a recorded chain): the bundle then carries no proofs and its manifest says so.
     */
    default Optional<BlockWithReceipts> blockWithReceipts(long number) throws IOException {
        return Optional.empty();
    }

    /** A block as {@code eth_getBlockByNumber(N, true)} answers and its receipts, in block order. */
    record BlockWithReceipts(JsonNode block, java.util.List<JsonNode> receipts) {
        public BlockWithReceipts {
            receipts = java.util.List.copyOf(receipts);
        }
    }

    /**
     * Over a {@link ChainReader} that has no raw answers (a recorded chain): the receipt's facts written in the RPC's
     * field names, and a header holding number and hash only.
     */
    static ChainEvidence of(ChainReader chain) {
        ObjectMapper json = new ObjectMapper();
        return new ChainEvidence() {
            @Override
            public Optional<JsonNode> receipt(String txHash) throws IOException {
                Optional<ReceiptFacts> r = chain.receipt(txHash);
                if (r.isEmpty()) {
                    return Optional.empty();
                }
                ReceiptFacts f = r.get();
                ObjectNode n = json.createObjectNode();
                n.put("transactionHash", f.txHash());
                n.put("blockNumber", hex(f.blockNumber()));
                n.put("blockHash", f.blockHash());
                n.put("status", f.success() ? "0x1" : "0x0");
                ArrayNode logs = n.putArray("logs");
                for (LogFacts l : f.logs()) {
                    ObjectNode o = logs.addObject();
                    o.put("logIndex", hex(l.logIndex()));
                    o.put("address", l.address());
                    ArrayNode topics = o.putArray("topics");
                    l.topics().forEach(topics::add);
                    o.put("data", l.data());
                }
                return Optional.of(n);
            }

            @Override
            public Optional<JsonNode> block(long number) throws IOException {
                Optional<String> hash = chain.blockHash(number);
                if (hash.isEmpty()) {
                    return Optional.empty();
                }
                ObjectNode n = json.createObjectNode();
                n.put("number", hex(number));
                n.put("hash", hash.get());
                return Optional.of(n);
            }
        };
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
