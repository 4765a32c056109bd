package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All receipts of one block, proved against its header: each receipt's bloom must be the bloom of its logs, the
 * union of the receipt blooms must be the header's logsBloom, and the receipts, consensus-encoded in the order
 * given, must rebuild the header's receiptsRoot. A dropped, added, reordered or altered receipt (or log) changes the
 * root. Only then are the endpoint's own position fields (transactionIndex, blockHash) compared, so a wrong one
 * cannot pass either.
 */
public final class BlockReceipts {
    private final long block;
    private final List<ConsensusReceipt> receipts;
    private final int[] firstLogIndex;
    private final IndexedTrie trie;

    private BlockReceipts(EthHeader header, List<ConsensusReceipt> receipts) {
        this.block = header.number();
        this.receipts = List.copyOf(receipts);
        List<byte[]> encoded = new ArrayList<>(receipts.size());
        LogsBloom union = LogsBloom.empty();
        firstLogIndex = new int[receipts.size() + 1];
        for (int i = 0; i < receipts.size(); i++) {
            ConsensusReceipt r = receipts.get(i);
            if (!LogsBloom.of(r.logs()).equals(r.bloom())) {
                throw new BloomMismatchException("receipt " + i + " of block " + block
                        + ": its logsBloom is not the bloom of its " + r.logs().size() + " logs");
            }
            union = union.or(r.bloom());
            encoded.add(r.encode());
            firstLogIndex[i + 1] = firstLogIndex[i] + r.logs().size();
        }
        this.trie = new IndexedTrie(encoded);
        byte[] root = trie.root();
        if (!Arrays.equals(root, header.receiptsRoot())) {
            throw new TrieRootMismatchException("receipts", block, RpcFields.hex(header.receiptsRoot()),
                    RpcFields.hex(root), receipts.size());
        }
        if (!union.equals(header.logsBloom())) {
            throw new BloomMismatchException("block " + block + ": the header's logsBloom is not the union of its "
                    + receipts.size() + " receipts' blooms");
        }
    }

    /** From {@code eth_getBlockReceipts} (or one {@code eth_getTransactionReceipt} per transaction), in block order. */
    public static BlockReceipts fromJson(EthHeader header, List<JsonNode> receipts) {
        List<ConsensusReceipt> parsed = new ArrayList<>(receipts.size());
        for (int i = 0; i < receipts.size(); i++) {
            parsed.add(ConsensusReceipt.fromJson(receipts.get(i), "receipt " + i + " of block " + header.number()));
        }
        BlockReceipts proved = new BlockReceipts(header, parsed);
        for (int i = 0; i < receipts.size(); i++) {
            checkPosition(header, receipts.get(i), i);
        }
        return proved;
    }

    /** Receipts already in consensus form (e.g. decoded from trie values). */
    public static BlockReceipts of(EthHeader header, List<ConsensusReceipt> receipts) {
        return new BlockReceipts(header, receipts);
    }

    private static void checkPosition(EthHeader header, JsonNode receipt, int i) {
        RpcFields f = new RpcFields(receipt, "receipt " + i + " of block " + header.number());
        if (f.has("transactionIndex") && f.longQuantity("transactionIndex") != i) {
            throw new ProofInputException(f.where() + " says it is at transactionIndex "
                    + f.longQuantity("transactionIndex"));
        }
        if (f.has("blockHash") && !header.sameHash(f.fixed("blockHash", 32))) {
            throw new ProofInputException(f.where() + " names block hash " + RpcFields.hex(f.fixed("blockHash", 32))
                    + ", the proved header's is " + header.hashHex());
        }
    }

    public long block() {
        return block;
    }

    public int size() {
        return receipts.size();
    }

    public ConsensusReceipt receipt(int index) {
        return receipts.get(index);
    }

    /** The block-wide index of the first log of receipt {@code index} (eth_getLogs' logIndex). */
    public int firstLogIndex(int index) {
        return firstLogIndex[index];
    }

    /** Which receipt holds the log with this block-wide index, or -1 if there is none. */
    public int receiptOfLog(long blockLogIndex) {
        if (blockLogIndex < 0 || blockLogIndex >= firstLogIndex[receipts.size()]) {
            return -1;
        }
        int lo = 0;
        int hi = receipts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstLogIndex[mid] <= blockLogIndex) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public int logCount() {
        return firstLogIndex[receipts.size()];
    }

    List<byte[]> proofNodes(int index) {
        return trie.proof(index);
    }
}
