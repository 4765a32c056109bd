package io.proofdesk.report.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proofdesk.chain.proof.ChainProofException;
import io.proofdesk.chain.proof.Checkpoint;
import io.proofdesk.chain.proof.ConsensusReceipt;
import io.proofdesk.chain.proof.EthHeader;
import io.proofdesk.chain.proof.HeaderChain;
import io.proofdesk.chain.proof.HeaderLink;
import io.proofdesk.chain.proof.InclusionProof;
import io.proofdesk.chain.proof.ProvedItem;
import io.proofdesk.chain.proof.ReceiptLog;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.Inference;
import io.proofdesk.verify.checks.CheckLines;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a bundle's chain proof offline: both inclusion proofs verify against the bundle's own header
 * ({@link InclusionProof#verify()}), the header is the block the record and its bundled receipt name, the proved
 * transaction is the record's, the proved receipt holds exactly the logs of the bundled receipt (so the record's log
 * is in it, with the same address, topics and data), and, given the reader's checkpoints, that the header is the one
 * they trust. A proof that does not hold is a failed check line, never a pass: the record's place on chain is then
 * refuted by the bundle's own data.
 */
final class BundleProofCheck {

    /** The check line's name. */
    static final String NAME = "chain-proof";

    private BundleProofCheck() {
    }

    /**
     * @return the outcome, NOT_CARRIED for bundles without proofs
     * @throws BundleFormatException if the proof parts are not the documented ones (missing half, wrong format, not
     *                               JSON of an inclusion proof)
     */
    static BundleVerification.ChainProof check(BundleContents b, ObjectMapper json, Inference record,
                                               List<Checkpoint> checkpoints) throws BundleFormatException {
        BundleManifest m = b.manifest();
        List<String> parts = List.of(BundleLayout.HEADER, BundleLayout.RECEIPT_PROOF, BundleLayout.TRANSACTION_PROOF);
        long present = parts.stream().filter(p -> b.entries().containsKey(p)).count();
        boolean proofFormat = BundleLayout.carriesProofs(m.format());
        if (!proofFormat && (present > 0 || m.chainProof() != null)) {
            throw new BundleFormatException(BundleLayout.MANIFEST, "a " + m.format() + " bundle carries no chain proof, "
                    + "this one does");
        }
        if (present == 0) {
            if (m.chainProof() != null && m.chainProof().carried()) {
                throw new BundleFormatException(BundleLayout.HEADER, "the manifest says the chain proof is carried, "
                        + "but the bundle lacks it");
            }
            return BundleVerification.ChainProof.notCarried(m.chainProof() == null ? null : m.chainProof().note());
        }
        if (present < parts.size() || m.chainProof() == null || !m.chainProof().carried()) {
            String missing = parts.stream().filter(p -> !b.entries().containsKey(p)).findFirst()
                    .orElse(BundleLayout.MANIFEST);
            throw new BundleFormatException(missing, "the chain proof is incomplete: it needs chain/header.rlp, both "
                    + "proofs, and a manifest chainProof saying they are carried");
        }
        InclusionProof receiptProof = parse(b, json, BundleLayout.RECEIPT_PROOF);
        InclusionProof txProof = parse(b, json, BundleLayout.TRANSACTION_PROOF);
        JsonNode receipt = tree(b, json, BundleLayout.RECEIPT);
        byte[] headerRlp = b.required(BundleLayout.HEADER);
        EthHeader header;
        try {
            header = EthHeader.fromRlp(headerRlp);
        } catch (RuntimeException e) {
            return failed(record, "chain/header.rlp is not a block header: " + e.getMessage());
        }
        String hash = header.hashHex();
        String headerHex = "0x" + HexFormat.of().formatHex(headerRlp);
        for (InclusionProof p : List.of(receiptProof, txProof)) {
            String part = p == receiptProof ? BundleLayout.RECEIPT_PROOF : BundleLayout.TRANSACTION_PROOF;
            if (p.header() == null || !p.header().equalsIgnoreCase(headerHex)) {
                return failed(record, part + ": its header is not chain/header.rlp");
            }
        }
        if (header.number() != record.blockNumber()) {
            return failed(record, "chain/header.rlp is block " + header.number() + ", the record is in block "
                    + record.blockNumber());
        }
        String receiptBlock = BundleChainProofs.text(receipt, "blockHash");
        if (!hash.equalsIgnoreCase(receiptBlock)) {
            return failed(record, "chain/header.rlp hashes to " + hash + ", the record's receipt names block "
                    + receiptBlock);
        }
        Optional<JsonNode> block = b.entry(BundleLayout.BLOCK).isEmpty() ? Optional.empty()
                : Optional.of(tree(b, json, BundleLayout.BLOCK));
        if (block.isPresent() && !hash.equalsIgnoreCase(BundleChainProofs.text(block.get(), "hash"))) {
            return failed(record, "chain/header.rlp hashes to " + hash + ", chain/block.json names "
                    + BundleChainProofs.text(block.get(), "hash"));
        }
        ConsensusReceipt proved;
        String txHash;
        try {
            require(receiptProof, ProvedItem.RECEIPT, BundleLayout.RECEIPT_PROOF);
            require(txProof, ProvedItem.TRANSACTION, BundleLayout.TRANSACTION_PROOF);
            proved = at(BundleLayout.RECEIPT_PROOF, receiptProof::verifyReceipt);
            txHash = at(BundleLayout.TRANSACTION_PROOF, txProof::verifiedTransactionHash);
        } catch (ProofFailure e) {
            return failed(record, e.getMessage());
        }
        if (receiptProof.index() != txProof.index()) {
            return failed(record, "the receipt proof is for item " + receiptProof.index() + ", the transaction proof "
                    + "for item " + txProof.index() + ": a receipt belongs to the transaction at its own index");
        }
        String recordTx = record.id().txHash().toLowerCase(Locale.ROOT);
        if (!txHash.equalsIgnoreCase(recordTx)) {
            return failed(record, BundleLayout.TRANSACTION_PROOF + ": proves transaction " + txHash + ", the record's "
                    + "is " + recordTx);
        }
        if (!recordTx.equalsIgnoreCase(BundleChainProofs.text(receipt, "transactionHash"))) {
            return failed(record, "chain/receipt.json is the receipt of " + BundleChainProofs.text(receipt,
                    "transactionHash") + ", not of the record's transaction " + recordTx);
        }
        Optional<String> logs = sameLogs(receipt, proved, record.id().logIndex());
        if (logs.isPresent()) {
            return failed(record, BundleLayout.RECEIPT_PROOF + ": " + logs.get());
        }
        return link(record.blockNumber(), header, receiptProof.index(), checkpoints);
    }

    /** The record's check line for an outcome; empty for a bundle without proofs. */
    static Optional<CheckResult> line(BundleVerification.ChainProof p) {
        Map<String, String> details = p.blockHash() == null ? Map.of() : Map.of("blockHash", p.blockHash());
        return switch (p.status()) {
            case NOT_CARRIED -> Optional.empty();
            case PROVED, LINKED -> Optional.of(CheckLines.pass(NAME, p.reason(), details));
            case CHECKPOINT_UNREACHABLE -> Optional.of(CheckLines.unverified(NAME, p.reason()));
            case CHECKPOINT_MISMATCH, FAILED -> Optional.of(CheckLines.fail(NAME, p.reason(), details));
        };
    }

    private static BundleVerification.ChainProof link(long n, EthHeader header, int index,
                                                      List<Checkpoint> checkpoints) {
        String proved = "receipt and transaction " + index + " proved against block " + n + "'s header "
                + header.hashHex();
        if (checkpoints.isEmpty()) {
            return new BundleVerification.ChainProof(BundleVerification.ChainProof.Status.PROVED, n, header.hashHex(),
                    null, proved + "; header not linked to a checkpoint you trust");
        }
        HeaderChain chain = new HeaderChain(checkpoints);
        try {
            chain.add(header);
        } catch (ChainProofException e) {
            Checkpoint at = checkpoints.stream().filter(c -> c.number() == n).findFirst().orElse(null);
            return new BundleVerification.ChainProof(BundleVerification.ChainProof.Status.CHECKPOINT_MISMATCH, n,
                    header.hashHex(), at, proved + ", but your checkpoint " + at + " names another block " + n
                    + ": the bundle's header is not on the chain you trust");
        }
        Optional<HeaderLink> link = chain.link(n);
        if (link.isPresent()) {
            return new BundleVerification.ChainProof(BundleVerification.ChainProof.Status.LINKED, n, header.hashHex(),
                    link.get().checkpoint(), proved + "; linked to your checkpoint " + link.get().checkpoint().number());
        }
        return new BundleVerification.ChainProof(BundleVerification.ChainProof.Status.CHECKPOINT_UNREACHABLE, n,
                header.hashHex(), null, proved + "; not linked to your checkpoint"
                + (checkpoints.size() == 1 ? " " : "s ") + checkpoints.stream().map(c -> Long.toString(c.number()))
                .reduce((a, c) -> a + ", " + c).orElse("") + ": the bundle carries block " + n + "'s header only, "
                + "so only a checkpoint at block " + n + " can be reached from it");
    }

    /**
     * The bundled receipt's logs must be the proved receipt's, in order and content, with consecutive log indexes, and
     * hold the record's log. Empty when they do; else what differs.
     */
    private static Optional<String> sameLogs(JsonNode receipt, ConsensusReceipt proved, long recordLog) {
        JsonNode logs = receipt.get("logs");
        if (logs == null || !logs.isArray()) {
            return Optional.of("chain/receipt.json has no logs list");
        }
        if (logs.size() != proved.logs().size()) {
            return Optional.of("the proved receipt has " + proved.logs().size() + " logs, chain/receipt.json "
                    + logs.size());
        }
        boolean found = false;
        try {
            long first = logs.isEmpty() ? 0 : BundleChainProofs.quantity(logs.get(0).get("logIndex").asText());
            for (int i = 0; i < logs.size(); i++) {
                JsonNode l = logs.get(i);
                long index = BundleChainProofs.quantity(l.get("logIndex").asText());
                if (index != first + i) {
                    return Optional.of("chain/receipt.json's log indexes are not consecutive (" + index + " after "
                            + (first + i - 1) + ")");
                }
                ReceiptLog given = BundleChainProofs.logOf(l);
                if (!proved.logs().get(i).equals(given)) {
                    return Optional.of("log " + index + " of chain/receipt.json differs from the proved receipt "
                            + "(address, topics or data)");
                }
                found |= index == recordLog;
            }
        } catch (RuntimeException e) {
            return Optional.of("chain/receipt.json's logs are not readable: " + e.getMessage());
        }
        return found ? Optional.empty() : Optional.of("the proved receipt has no log " + recordLog
                + " (the record's log)");
    }

    private static BundleVerification.ChainProof failed(Inference record, String reason) {
        return new BundleVerification.ChainProof(BundleVerification.ChainProof.Status.FAILED, record.blockNumber(),
                null, null, reason);
    }

    private static void require(InclusionProof p, ProvedItem item, String part) throws ProofFailure {
        if (p.item() != item) {
            throw new ProofFailure(part + ": a " + p.item() + " proof, not a " + item + " proof");
        }
    }

    private interface Verifying<T> {
        T get();
    }

    private static <T> T at(String part, Verifying<T> step) throws ProofFailure {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw new ProofFailure(part + ": " + e.getMessage());
        }
    }

    private static final class ProofFailure extends Exception {
        ProofFailure(String message) {
            super(message);
        }
    }

    private static InclusionProof parse(BundleContents b, ObjectMapper json, String path) throws BundleFormatException {
        try {
            InclusionProof p = json.readValue(b.required(path), InclusionProof.class);
            if (p == null || p.nodes() == null) {
                throw new BundleFormatException(path, "empty");
            }
            return p;
        } catch (IOException | RuntimeException e) {
            throw new BundleFormatException(path, "not an inclusion proof: " + BundleReader.firstLine(e.getMessage()),
                    e);
        }
    }

    private static JsonNode tree(BundleContents b, ObjectMapper json, String path) throws BundleFormatException {
        try {
            JsonNode n = json.readTree(b.required(path));
            if (n == null || !n.isObject()) {
                throw new BundleFormatException(path, "not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new BundleFormatException(path, "not the documented JSON: " + BundleReader.firstLine(e.getMessage()), e);
        }
    }
}
