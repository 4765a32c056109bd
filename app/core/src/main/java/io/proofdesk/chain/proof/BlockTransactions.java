package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.crypto.Hash;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A block's transactions, proved against its header's transactionsRoot: every signed encoding goes into the trie in
 * block order, and the rebuilt root must be the header's. After that, a transaction hash proves the transaction
 * (calldata included) is in the block at its index.
 */
public final class BlockTransactions {
    private final long block;
    private final List<byte[]> encoded;
    /** What each transaction says, when it was rebuilt from its fields (else decoded from its encoding on demand). */
    private final List<SignedTransaction> known;
    private final Map<ByteBuffer, Integer> indexByHash = new HashMap<>();
    private final IndexedTrie trie;

    private BlockTransactions(EthHeader header, List<byte[]> encoded) {
        this(header, encoded, encoded.stream().map(Hash::sha3).toList(), null);
    }

    /** {@code hashes}: the keccak of each encoding; {@code known}: what each says, or null. */
    private BlockTransactions(EthHeader header, List<byte[]> encoded, List<byte[]> hashes,
                              List<SignedTransaction> known) {
        this.block = header.number();
        this.encoded = List.copyOf(encoded);
        this.known = known == null ? null : List.copyOf(known);
        for (int i = 0; i < encoded.size(); i++) {
            if (indexByHash.putIfAbsent(ByteBuffer.wrap(hashes.get(i)), i) != null) {
                throw new ProofInputException("block " + block + " lists transaction " + i + " twice");
            }
        }
        this.trie = new IndexedTrie(this.encoded);
        byte[] root = trie.root();
        if (!Arrays.equals(root, header.transactionsRoot())) {
            throw new TrieRootMismatchException("transactions", block, RpcFields.hex(header.transactionsRoot()),
                    RpcFields.hex(root), encoded.size());
        }
    }

    /**
     * From the block object of {@code eth_getBlockByNumber(N, true)}: each transaction is re-encoded from its fields
     * and must hash to its {@code hash}, and all of them must rebuild the header's transactionsRoot.
     */
    public static BlockTransactions fromBlock(EthHeader header, JsonNode block) {
        return fromBlock(header, block, Map.of());
    }

    /**
     * As above; {@code decoded}: calldata already decoded from the block's {@code input} text nodes, by node
     * (identity), see {@link TransactionBytes#checked(JsonNode, String, Map)}.
     */
    public static BlockTransactions fromBlock(EthHeader header, JsonNode block, Map<JsonNode, byte[]> decoded) {
        JsonNode txs = block == null ? null : block.get("transactions");
        if (txs == null || !txs.isArray()) {
            throw new ProofInputException("block " + header.number() + " has no transactions list");
        }
        List<byte[]> encoded = new ArrayList<>(txs.size());
        List<byte[]> hashes = new ArrayList<>(txs.size());
        List<SignedTransaction> known = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            JsonNode tx = txs.get(i);
            if (!tx.isObject()) {
                throw new ProofInputException("block " + header.number() + " lists transaction " + i
                        + " as a hash; ask for full transactions (eth_getBlockByNumber with true)");
            }
            TransactionBytes.Checked checked = TransactionBytes.checked(tx, "transaction " + i + " of block "
                    + header.number(), decoded);
            encoded.add(checked.encoded());
            hashes.add(checked.hash());
            known.add(checked.transaction());
        }
        return new BlockTransactions(header, encoded, hashes, known);
    }

    /**
     * From raw signed transactions, e.g. {@code eth_getRawTransactionByBlockNumberAndIndex}, in block order; blob
     * transactions may come in network form (with their blobs), see {@link TransactionBytes#canonical}.
     */
    public static BlockTransactions fromRaw(EthHeader header, List<byte[]> raw) {
        return new BlockTransactions(header, raw.stream().map(TransactionBytes::canonical).toList());
    }

    public long block() {
        return block;
    }

    public int size() {
        return encoded.size();
    }

    /** The position of the transaction with this hash; empty if it is not in this block. */
    public OptionalInt indexOf(byte[] txHash) {
        Integer i = indexByHash.get(ByteBuffer.wrap(txHash));
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public OptionalInt indexOf(String txHash) {
        return indexOf(RpcFields.parseHex(txHash, "transaction hash"));
    }

    /** The proved signed encoding; its calldata is {@link SignedTransaction#input()}. */
    public SignedTransaction transaction(int index) {
        return known != null ? known.get(index) : SignedTransaction.decode(encoded.get(index));
    }

    public byte[] encoded(int index) {
        return encoded.get(index).clone();
    }

    List<byte[]> proofNodes(int index) {
        return trie.proof(index);
    }
}
