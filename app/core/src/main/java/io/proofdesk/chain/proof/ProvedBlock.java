package io.proofdesk.chain.proof;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One block whose header hash, transactions root and receipts root are all proved: the header's fields hash to its
 * hash, its transactions rebuild transactionsRoot and its receipts rebuild receiptsRoot. From it, a log the endpoint
 * reported as {@code (txHash, logIndex)} is proved (or refused) without trusting anything else the endpoint said.
 * Whether the header itself is the canonical one is {@link HeaderChain}'s question.
 */
public final class ProvedBlock {
    private final EthHeader header;
    private final BlockTransactions transactions;
    private final BlockReceipts receipts;

    private ProvedBlock(EthHeader header, BlockTransactions transactions, BlockReceipts receipts) {
        if (transactions.size() != receipts.size()) {
            // both roots matched, so this cannot happen for a real block; it guards a caller mixing blocks
            throw new ProofInputException("block " + header.number() + " has " + transactions.size()
                    + " transactions but " + receipts.size() + " receipts");
        }
        this.header = header;
        this.transactions = transactions;
        this.receipts = receipts;
    }

    /**
     * @param block    {@code eth_getBlockByNumber(N, true)}: header fields and every transaction as an object
     * @param receipts {@code eth_getBlockReceipts(N)}, or each transaction's receipt, in block order
     */
    public static ProvedBlock prove(JsonNode block, List<JsonNode> receipts) {
        return prove(block, receipts, Map.of());
    }

    /** As above, with calldata already decoded from the block's text nodes ({@link BlockTransactions#fromBlock}). */
    public static ProvedBlock prove(JsonNode block, List<JsonNode> receipts, Map<JsonNode, byte[]> decoded) {
        EthHeader header = EthHeader.fromJson(block).requireClaimedHash();
        return new ProvedBlock(header, BlockTransactions.fromBlock(header, block, decoded),
                BlockReceipts.fromJson(header, receipts));
    }

    public static ProvedBlock of(EthHeader header, BlockTransactions transactions, BlockReceipts receipts) {
        return new ProvedBlock(header, transactions, receipts);
    }

    public EthHeader header() {
        return header;
    }

    public BlockTransactions transactions() {
        return transactions;
    }

    public BlockReceipts receipts() {
        return receipts;
    }

    /**
     * The log an endpoint reported as log {@code blockLogIndex} of block {@code header().number()} from transaction
     * {@code txHash}, if the proved block has exactly that log there: the transaction is in the block, and the log
     * with that block-wide index lies in that transaction's receipt.
     */
    public ReceiptLog requireLog(String txHash, long blockLogIndex) {
        OptionalInt tx = transactions.indexOf(txHash);
        if (tx.isEmpty()) {
            throw new LogNotProvedException("transaction " + txHash.toLowerCase(Locale.ROOT) + " is not in block "
                    + header.number() + " (its transactions root is proved)");
        }
        int receipt = receipts.receiptOfLog(blockLogIndex);
        if (receipt != tx.getAsInt()) {
            throw new LogNotProvedException("block " + header.number() + " has no log " + blockLogIndex
                    + " in transaction " + txHash.toLowerCase(Locale.ROOT) + " (index " + tx.getAsInt() + ", logs "
                    + receipts.firstLogIndex(tx.getAsInt()) + ".."
                    + (receipts.firstLogIndex(tx.getAsInt() + 1) - 1) + ")");
        }
        return receipts.receipt(receipt).logs().get((int) (blockLogIndex - receipts.firstLogIndex(receipt)));
    }

    /** {@link #requireLog} and the reported content must be the proved one. */
    public void requireLog(String txHash, long blockLogIndex, byte[] address, List<byte[]> topics, byte[] data) {
        ReceiptLog proved = requireLog(txHash, blockLogIndex);
        if (!proved.sameContent(address, topics, data)) {
            throw new LogNotProvedException("log " + blockLogIndex + " of block " + header.number()
                    + " differs from the proved receipt of " + txHash.toLowerCase(Locale.ROOT)
                    + " (address, topics or data altered)");
        }
    }

    /** The proved transaction with this hash (its calldata is what a record is decoded from). */
    public SignedTransaction requireTransaction(String txHash) {
        OptionalInt tx = transactions.indexOf(txHash);
        if (tx.isEmpty()) {
            throw new LogNotProvedException("transaction " + txHash.toLowerCase(Locale.ROOT) + " is not in block "
                    + header.number());
        }
        return transactions.transaction(tx.getAsInt());
    }

    public InclusionProof receiptProof(int index) {
        return InclusionProof.of(ProvedItem.RECEIPT, header, index, receipts.proofNodes(index));
    }

    public InclusionProof transactionProof(int index) {
        return InclusionProof.of(ProvedItem.TRANSACTION, header, index, transactions.proofNodes(index));
    }
}
