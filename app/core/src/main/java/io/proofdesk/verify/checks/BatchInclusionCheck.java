package io.proofdesk.verify.checks;

import io.proofdesk.attest.BatchLeafLayout;
import io.proofdesk.attest.MerkleProofs;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.Inference;
import io.proofdesk.verify.BatchBlob;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.Fetched;
import io.proofdesk.verify.RecordEvidence;
import org.web3j.utils.Numeric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A batch record proves into the Merkle root the chain settled (OpenZeppelin standard tree): the leaf built from the
 * record's stored fields is in the batch blob's tree, and its proof — the stored one, else the one the blob's tree
 * gives — leads to the settled root.
 */
public final class BatchInclusionCheck implements InferenceCheck {

    @Override
    public String name() {
        return CheckNames.BATCH_INCLUSION;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        Inference r = evidence.inference();
        if (r.id().leafIndex() == null) {
            return CheckLines.fail(name(), "the record is not a batch leaf");
        }
        byte[] root;
        try {
            root = bytes32(r.merkleRoot(), "settled Merkle root");
        } catch (IllegalArgumentException e) {
            return CheckLines.unverified(name(), "the stored record is incomplete: " + e.getMessage());
        }
        Fetched<BatchBlob> batch = evidence.batch();
        if (batch instanceof Fetched.Failed<BatchBlob> f) {
            return CheckLines.of(name(), f);
        }
        StandardMerkleTree tree = ((Fetched.Ok<BatchBlob>) batch).value().tree();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("settledRoot", Numeric.toHexString(root));
        details.put("treeRoot", tree.rootHex());
        details.put("recordIndex", Integer.toString(r.id().leafIndex()));
        details.put("leaves", Integer.toString(tree.size()));
        Optional<BatchLeafLayout> layout = BatchLeafLayout.of(tree.leafEncoding());
        if (layout.isEmpty()) {
            return CheckLines.unverified(name(), "the batch tree's leaf encoding " + tree.leafEncoding()
                    + " is none the facilitator has used; the record's leaf cannot be built");
        }
        details.put("leafLayout", layout.get().encoding().toString());
        byte[] leafHash;
        try {
            leafHash = leafOf(r, layout.get(), tree, details);
        } catch (IllegalArgumentException e) {
            return CheckLines.unverified(name(), "the stored record lacks what its leaf is made of: " + e.getMessage());
        }
        details.put("leafHash", Numeric.toHexString(leafHash));
        // the record's leaf is found by its hash, not by position: a batch may list records it left out of its tree
        OptionalInt index = tree.indexOf(leafHash);
        if (index.isEmpty()) {
            return CheckLines.fail(name(), "the record's leaf is not in the batch's Merkle tree (settled root "
                    + Numeric.toHexString(root) + ")", details);
        }
        details.put("leafIndex", Integer.toString(index.getAsInt()));
        List<String> problems = new ArrayList<>();
        List<byte[]> proof;
        String proofSource;
        if (!r.merkleProof().isEmpty()) {
            try {
                proof = new ArrayList<>();
                for (String node : r.merkleProof()) {
                    proof.add(bytes32(node, "proof node"));
                }
                proofSource = "stored proof";
            } catch (IllegalArgumentException e) {
                return CheckLines.fail(name(), "the stored proof is malformed: " + e.getMessage(), details);
            }
        } else {
            proof = tree.proof(index.getAsInt());
            proofSource = "proof from the batch blob's tree";
        }
        details.put("proof", proofSource + ", " + proof.size() + " nodes");
        if (!MerkleProofs.verify(proof, root, leafHash)) {
            problems.add("the leaf does not prove into the settled root " + Numeric.toHexString(root) + " ("
                    + proofSource + (Arrays.equals(tree.root(), root) ? "" : "; the blob's tree has root "
                    + tree.rootHex()) + ")");
        }
        return problems.isEmpty()
                ? CheckLines.pass(name(), "the record's leaf proves into the settled Merkle root", details)
                : CheckLines.fail(name(), String.join("; ", problems), details);
    }

    /**
     * The hash of the leaf the record claims, in the tree's layout. A record of the (input, output, keccak(signature))
     * layout stored without its signature is found by its two hashes: what it proves then is that a leaf with these
     * hashes is in the settled root, and the signature's hash is the tree's own.
     */
    private static byte[] leafOf(Inference r, BatchLeafLayout layout, StandardMerkleTree tree,
                                 Map<String, String> details) {
        byte[] in = bytes32(r.inputHash(), "input hash");
        byte[] out = bytes32(r.outputHash(), "output hash");
        byte[] teeId = r.teeId() == null ? null : bytes32(r.teeId(), "TEE id");
        byte[] signature = r.signature() == null || r.signature().isEmpty() ? null : r.signature().toArray();
        Optional<byte[]> hash = layout.leafHash(teeId, in, out, signature,
                java.math.BigInteger.valueOf(r.timestamp().getEpochSecond()));
        if (hash.isPresent()) {
            return hash.get();
        }
        if (layout == BatchLeafLayout.SIGNATURE_HASH) {
            for (int i = 0; i < tree.size(); i++) {
                BatchLeafLayout.Fields f = layout.read(tree.value(i));
                if (Arrays.equals(f.inputHash(), in) && Arrays.equals(f.outputHash(), out)) {
                    details.put("signatureHash", Numeric.toHexString(f.signatureHash()) + " (from the tree; the "
                            + "signature itself is not published)");
                    return tree.leafHash(i);
                }
            }
            throw new IllegalArgumentException("no signature, and no leaf of the tree has its input and output "
                    + "hashes");
        }
        throw new IllegalArgumentException(teeId == null ? "no TEE id" : "no signature");
    }

    /**
     * Why a batch record names no TEE when its batch's leaf layout has none (the older facilitator's (input, output,
     * keccak(signature)) leaves) or its batch blob cannot be had: then the TEE checks cannot be done, which is not a
     * mismatch. Empty otherwise.
     */
    static Optional<String> layoutWithoutTee(RecordEvidence evidence) {
        Inference r = evidence.inference();
        if (r.teeId() != null || r.id().leafIndex() == null) {
            return Optional.empty();
        }
        if (evidence.batch() instanceof Fetched.Failed<BatchBlob> f) {
            // the TEE of a batch record is named only by its leaf: no blob, no TEE to check, which frames no one
            return Optional.of("the batch blob that would name this record's TEE is not available: " + f.reason());
        }
        if (!(evidence.batch() instanceof Fetched.Ok<BatchBlob> ok)) {
            return Optional.empty();
        }
        return BatchLeafLayout.of(ok.value().tree().leafEncoding())
                .filter(l -> l != BatchLeafLayout.TEE_SIGNED)
                .map(l -> "the batch's leaves are " + l.encoding() + ": they name no TEE, so none can be checked");
    }

    private static byte[] bytes32(String hex, String what) {
        if (hex == null || !hex.toLowerCase(Locale.ROOT).matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException(what + " is missing or not 32 bytes of hex: " + hex);
        }
        return Numeric.hexStringToByteArray(hex);
    }
}
