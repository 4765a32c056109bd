package io.proofdesk.chain.proof;

import org.web3j.crypto.Hash;

import java.util.Arrays;
import java.util.List;

/**
 * A self-contained, offline-checkable proof that a receipt or transaction is item {@code index} of a block: the
 * block's header (RLP, hex) and the trie nodes from the header's receipts or transactions root down to the item.
 * Plain strings and numbers, so Jackson writes and reads it as is (bundles carry it).
 *
 * @param blockHash the header's hash, checked against {@code header}; link it to a checkpoint with {@link HeaderChain}
 * @param header    RLP of the block header, 0x-hex
 * @param nodes     RLP of each trie node on the path, 0x-hex, root first
 */
public record InclusionProof(ProvedItem item, long block, String blockHash, String header, int index,
                             List<String> nodes) {

    public InclusionProof {
        nodes = List.copyOf(nodes);
    }

    static InclusionProof of(ProvedItem item, EthHeader header, int index, List<byte[]> nodes) {
        return new InclusionProof(item, header.number(), header.hashHex(), RpcFields.hex(header.rlp()), index,
                nodes.stream().map(RpcFields::hex).toList());
    }

    /**
     * Checks the proof and returns the proved item's bytes (a receipt's or a signed transaction's encoding). Throws
     * {@link InvalidProofException} if the header does not hash to {@code blockHash}, is not block {@code block}, or
     * the nodes do not lead from its root to item {@code index}.
     */
    public byte[] verify() {
        if (item == null || header == null || blockHash == null) {
            throw new InvalidProofException("the proof lacks its item kind, header or block hash");
        }
        EthHeader h;
        List<byte[]> raw;
        try {
            h = EthHeader.fromRlp(RpcFields.parseHex(header, "proof header"));
            raw = nodes.stream().map(n -> RpcFields.parseHex(n, "proof node")).toList();
        } catch (ProofInputException e) {
            throw new InvalidProofException(e.getMessage());
        }
        if (!Arrays.equals(h.hash(), RpcFields.parseHex(blockHash, "proof block hash"))) {
            throw new InvalidProofException("proof header hashes to " + h.hashHex() + ", not to block hash "
                    + blockHash);
        }
        if (h.number() != block) {
            throw new InvalidProofException("proof header is block " + h.number() + ", the proof says " + block);
        }
        if (index < 0) {
            throw new InvalidProofException("proof index " + index + " is negative");
        }
        byte[] root = item == ProvedItem.RECEIPT ? h.receiptsRoot() : h.transactionsRoot();
        return TrieProofVerifier.verify(root, IndexedTrie.key(index), raw).orElseThrow(() ->
                new InvalidProofException("the proof shows block " + block + " has no " + name() + " " + index));
    }

    /** {@link #verify()} for a receipt proof, decoded. */
    public ConsensusReceipt verifyReceipt() {
        require(ProvedItem.RECEIPT);
        return ConsensusReceipt.decode(verify());
    }

    /** {@link #verify()} for a transaction proof, decoded (its calldata is {@link SignedTransaction#input()}). */
    public SignedTransaction verifyTransaction() {
        require(ProvedItem.TRANSACTION);
        return SignedTransaction.decode(verify());
    }

    /** The hash of the proved transaction, for a transaction proof. */
    public String verifiedTransactionHash() {
        require(ProvedItem.TRANSACTION);
        return RpcFields.hex(Hash.sha3(verify()));
    }

    private void require(ProvedItem expected) {
        if (item != expected) {
            throw new InvalidProofException("this is a " + name() + " proof, not a "
                    + expected.name().toLowerCase(java.util.Locale.ROOT) + " proof");
        }
    }

    private String name() {
        return item == null ? "item" : item.name().toLowerCase(java.util.Locale.ROOT);
    }
}
