package io.proofdesk.verify.checks;

import io.proofdesk.attest.MerkleProofs;
import io.proofdesk.attest.StandardMerkleTree;
import io.proofdesk.attest.TeeSettlementLeaf;
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

/**
 * A batch leaf proves into the Merkle root the chain settled (OpenZeppelin standard tree): the leaf is the batch
 * blob's value at the record's leaf index, agrees with the stored record, and its proof — the stored one, else the
 * one the blob's tree gives — leads to the settled root.
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
        int index = r.id().leafIndex();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("settledRoot", Numeric.toHexString(root));
        details.put("treeRoot", tree.rootHex());
        details.put("leafIndex", Integer.toString(index));
        details.put("leaves", Integer.toString(tree.size()));
        if (index >= tree.size()) {
            return CheckLines.fail(name(), "leaf " + index + " is beyond the batch blob's " + tree.size() + " leaves",
                    details);
        }
        TeeSettlementLeaf leaf;
        try {
            leaf = TeeSettlementLeaf.fromAbiValues(tree.value(index));
        } catch (IllegalArgumentException e) {
            return CheckLines.fail(name(), "leaf " + index + " is not a TEE settlement leaf: " + e.getMessage(), details);
        }
        List<String> problems = new ArrayList<>(disagreements(r, leaf));
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
            proof = tree.proof(index);
            proofSource = "proof from the batch blob's tree";
        }
        details.put("leafHash", Numeric.toHexString(leaf.leafHash()));
        details.put("proof", proofSource + ", " + proof.size() + " nodes");
        if (!MerkleProofs.verify(proof, root, leaf.leafHash())) {
            problems.add("the leaf does not prove into the settled root " + Numeric.toHexString(root) + " ("
                    + proofSource + (Arrays.equals(tree.root(), root) ? "" : "; the blob's tree has root "
                    + tree.rootHex()) + ")");
        }
        return problems.isEmpty()
                ? CheckLines.pass(name(), "leaf " + index + " proves into the settled Merkle root", details)
                : CheckLines.fail(name(), String.join("; ", problems), details);
    }

    /** Stored fields that differ from the leaf the tree holds at the record's index. */
    private static List<String> disagreements(Inference r, TeeSettlementLeaf leaf) {
        List<String> problems = new ArrayList<>();
        differs(problems, "TEE id", r.teeId(), leaf.teeId());
        differs(problems, "input hash", r.inputHash(), leaf.inputHash());
        differs(problems, "output hash", r.outputHash(), leaf.outputHash());
        if (!r.signature().isEmpty() && !Arrays.equals(r.signature().toArray(), leaf.teeSignature())) {
            problems.add("the stored signature differs from the leaf's");
        }
        return problems;
    }

    private static void differs(List<String> problems, String what, String stored, byte[] inLeaf) {
        String leafHex = Numeric.toHexString(inLeaf);
        if (stored != null && !stored.toLowerCase(Locale.ROOT).equals(leafHex)) {
            problems.add("stored " + what + " " + stored + " is not the leaf's " + leafHex);
        }
    }

    private static byte[] bytes32(String hex, String what) {
        if (hex == null || !hex.toLowerCase(Locale.ROOT).matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException(what + " is missing or not 32 bytes of hex: " + hex);
        }
        return Numeric.hexStringToByteArray(hex);
    }
}
