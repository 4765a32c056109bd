package io.proofdesk.report.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.chain.proof.BlockProver;
import io.proofdesk.chain.proof.ChainProofException;
import io.proofdesk.chain.proof.ProvedBlock;
import io.proofdesk.chain.proof.ReceiptLog;
import io.proofdesk.domain.Inference;
import io.proofdesk.network.HeaderFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chain proof an exported bundle carries. On an Ethereum-header network the record's block is fetched with every
 * transaction and receipt and proved right then ({@link BlockProver}): header hash, transactions root, receipts root,
 * and the record's log (as the bundled receipt reports it) in its transaction's receipt; the bundle then carries the
 * header and the inclusion proofs of that receipt and transaction. A record the proof refutes is not bundled. On a
 * cosmos-evm network nothing can be proved from the header, and the manifest says so.
 */
final class BundleChainProofs {

    /** The entries to add and the manifest's account of them. */
    record Parts(Map<String, byte[]> entries, BundleManifest.ChainProof manifest) {
    }

    private BundleChainProofs() {
    }

    static Parts prove(ChainEvidence chain, HeaderFormat format, Inference r, Optional<JsonNode> receipt,
                       ObjectMapper json) throws IOException {
        BlockProver prover = new BlockProver(format);
        String ceiling = prover.ceiling().name();
        if (format == HeaderFormat.COSMOS_EVM) {
            return new Parts(Map.of(), new BundleManifest.ChainProof(format.key(), false, ceiling, "cosmos-evm chain: "
                    + "the block hash is CometBFT's and the header commits to no receipts, so no proof is carried; "
                    + "the record can be AGREED by several sources at best, else TRUSTED"));
        }
        long n = r.blockNumber();
        Optional<ChainEvidence.BlockWithReceipts> block = chain.blockWithReceipts(n);
        if (block.isEmpty()) {
            return new Parts(Map.of(), new BundleManifest.ChainProof(format.key(), false, ceiling, "the chain source "
                    + "gave no block with its transactions and receipts, so no proof is carried"));
        }
        String refused = "refusing to bundle record " + r.id() + ": ";
        BlockProver.Outcome outcome = prover.prove(block.get().block(), block.get().receipts());
        if (outcome.block().isEmpty()) {
            throw new BundleEvidenceException(refused + "block " + n + " is not proved: " + outcome.verdict().reason());
        }
        ProvedBlock proved = outcome.block().get();
        if (proved.header().number() != n) {
            throw new BundleEvidenceException(refused + "asked for block " + n + ", the endpoint gave block "
                    + proved.header().number());
        }
        JsonNode rc = receipt.orElseThrow(() -> new BundleEvidenceException(refused + "the endpoint has no receipt for "
                + r.id().txHash()));
        String receiptBlock = text(rc, "blockHash");
        if (!proved.header().hashHex().equalsIgnoreCase(receiptBlock)) {
            throw new BundleEvidenceException(refused + "its receipt names block hash " + receiptBlock + ", the proved "
                    + "header of block " + n + " is " + proved.header().hashHex());
        }
        try {
            ReceiptLog log = logOf(logAt(rc, r.id().logIndex()));
            proved.requireLog(r.id().txHash(), r.id().logIndex(), log.address(), log.topicList(), log.data());
        } catch (ChainProofException | IllegalArgumentException e) {
            throw new BundleEvidenceException(refused + "its log is not in the proved receipts: " + e.getMessage());
        }
        int index = proved.transactions().indexOf(r.id().txHash()).orElseThrow();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(BundleLayout.HEADER, proved.header().rlp());
        entries.put(BundleLayout.RECEIPT_PROOF, json.writeValueAsBytes(proved.receiptProof(index)));
        entries.put(BundleLayout.TRANSACTION_PROOF, json.writeValueAsBytes(proved.transactionProof(index)));
        return new Parts(entries, new BundleManifest.ChainProof(format.key(), true, ceiling, "receipt and transaction "
                + index + " proved against block " + n + "'s header " + proved.header().hashHex() + " at export"));
    }

    /** The log with block-wide index {@code logIndex} in an {@code eth_getTransactionReceipt} object. */
    static JsonNode logAt(JsonNode receipt, long logIndex) {
        JsonNode logs = receipt.get("logs");
        if (logs == null || !logs.isArray()) {
            throw new IllegalArgumentException("the receipt has no logs list");
        }
        for (JsonNode l : logs) {
            if (l.hasNonNull("logIndex") && quantity(l.get("logIndex").asText()) == logIndex) {
                return l;
            }
        }
        throw new IllegalArgumentException("the receipt has no log " + logIndex);
    }

    /** A log object's address, topics and data, as a receipt commits to them. */
    static ReceiptLog logOf(JsonNode log) {
        List<byte[]> topics = new ArrayList<>();
        JsonNode ts = log.get("topics");
        if (ts == null || !ts.isArray()) {
            throw new IllegalArgumentException("a log has no topics list");
        }
        ts.forEach(t -> topics.add(hex(t.asText())));
        try {
            return new ReceiptLog(hex(text(log, "address")), topics, hex(text(log, "data")));
        } catch (ChainProofException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static long quantity(String s) {
        if (s == null || !s.startsWith("0x") || s.length() < 3) {
            throw new IllegalArgumentException("not a hex quantity: " + s);
        }
        return Long.parseLong(s.substring(2), 16);
    }

    static byte[] hex(String s) {
        if (s == null || !s.startsWith("0x")) {
            throw new IllegalArgumentException("not 0x-hex: " + s);
        }
        return HexFormat.of().parseHex(s.substring(2).toLowerCase(Locale.ROOT));
    }

    static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
