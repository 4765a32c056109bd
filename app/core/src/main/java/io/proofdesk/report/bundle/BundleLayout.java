package io.proofdesk.report.bundle;

/** The names inside an offline bundle (docs/REPORTS.md, "Offline bundles"). */
public final class BundleLayout {

    /**
     * As {@link #FORMAT_3}, and on Ethereum-header chains the record's block header with inclusion proofs of its
     * receipt and transaction (the manifest's {@code chainProof} says whether they are carried and why not); what the
     * exporter writes.
     */
    public static final String FORMAT = "proofdesk-bundle/4";
    /** As {@link #FORMAT_2}, and {@code record.json} carries the record's evidence level; no proofs; still read. */
    public static final String FORMAT_3 = "proofdesk-bundle/3";
    /** Signed bundles (manifest names the auditor, {@code signature.json}, on-chain calldata); no evidence; still read. */
    public static final String FORMAT_2 = "proofdesk-bundle/2";
    /** Bundles of earlier versions: unsigned, no calldata; still read. */
    public static final String FORMAT_1 = "proofdesk-bundle/1";
    /** The formats this Proofdesk reads, newest first. */
    public static final java.util.List<String> READABLE = java.util.List.of(FORMAT, FORMAT_3, FORMAT_2, FORMAT_1);
    public static final String MANIFEST = "manifest.json";
    /** The auditor's Ed25519 signature over the exact bytes of {@link #MANIFEST}; the one entry the manifest cannot list. */
    public static final String SIGNATURE = "signature.json";
    public static final String RECORD = "record.json";
    public static final String REGISTRY = "registry.json";
    public static final String VERDICT = "verdict.json";
    public static final String MODEL = "model.onnx";
    public static final String BLOB = "blob.json";
    public static final String TEE_SIGNATURE = "tee-signature.bin";
    public static final String ATTESTATION = "attestation.bin";
    public static final String ATTESTATION_ROOT = "attestation-root.der";
    public static final String RECEIPT = "chain/receipt.json";
    public static final String BLOCK = "chain/block.json";
    /** The signed transaction of an on-chain record, raw as {@code eth_getRawTransactionByHash} returns it. */
    public static final String TRANSACTION = "chain/transaction.bin";
    /** RLP of the record's block header (its keccak256 is the block hash). */
    public static final String HEADER = "chain/header.rlp";
    /** {@code InclusionProof} of the record's receipt under the header's receiptsRoot. */
    public static final String RECEIPT_PROOF = "chain/receipt-proof.json";
    /** {@code InclusionProof} of the record's transaction under the header's transactionsRoot. */
    public static final String TRANSACTION_PROOF = "chain/transaction-proof.json";
    public static final String TEST_DATA = "test_data_set_0/";

    private BundleLayout() {
    }

    /** Whether bundles of {@code format} carry the record's evidence level in {@link #RECORD}. */
    public static boolean carriesEvidence(String format) {
        return !FORMAT_1.equals(format) && !FORMAT_2.equals(format);
    }

    /** Whether bundles of {@code format} may carry {@link #HEADER} and the inclusion proofs. */
    public static boolean carriesProofs(String format) {
        return FORMAT.equals(format);
    }

    public static String input(int i) {
        return TEST_DATA + "input_" + i + ".pb";
    }

    public static String output(int i) {
        return TEST_DATA + "output_" + i + ".pb";
    }
}
