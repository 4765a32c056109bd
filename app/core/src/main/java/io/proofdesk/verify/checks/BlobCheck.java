package io.proofdesk.verify.checks;

import io.proofdesk.attest.LegacyJsonHash;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.node.TeeRecordHashes;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.Fetched;
import io.proofdesk.verify.RecordEvidence;
import io.proofdesk.verify.SettledBlob;
import org.web3j.utils.Numeric;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The published content is what was settled: keccak256 of the canonical request JSON and of the canonical output
 * array equal the settled input and output hashes (docs/PROTOCOL.md), or, for older gateways, SHA-256 of Python's
 * sorted-keys JSON of each. The line says which form matched.
 */
public final class BlobCheck implements InferenceCheck {

    @Override
    public String name() {
        return CheckNames.BLOB;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        Fetched<TeeSettlementLeaf> settled = evidence.settled();
        if (settled instanceof Fetched.Failed<TeeSettlementLeaf> f) {
            return CheckLines.of(name(), f);
        }
        Fetched<SettledBlob> content = evidence.content();
        if (content instanceof Fetched.Failed<SettledBlob> f) {
            return CheckLines.of(name(), f);
        }
        TeeSettlementLeaf s = ((Fetched.Ok<TeeSettlementLeaf>) settled).value();
        SettledBlob blob = ((Fetched.Ok<SettledBlob>) content).value();
        // each hash is computed once: canonical JSON and keccak256 of a record's content are most of this check
        byte[] inputHash = TeeRecordHashes.inputHash(blob.input());
        byte[] outputHash = TeeRecordHashes.outputHash(blob.output());
        String input = form(blob.input(), inputHash, s.inputHash());
        String output = form(blob.output(), outputHash, s.outputHash());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("blobId", String.valueOf(evidence.inference().blobId()));
        details.put("settledInputHash", Numeric.toHexString(s.inputHash()));
        details.put("settledOutputHash", Numeric.toHexString(s.outputHash()));
        details.put("computedInputHash", Numeric.toHexString(inputHash));
        details.put("computedOutputHash", Numeric.toHexString(outputHash));
        details.put("inputHashForm", input == null ? "none" : input);
        details.put("outputHashForm", output == null ? "none" : output);
        if (input == null || output == null) {
            String which = input == null && output == null ? "input and output" : input == null ? "input" : "output";
            return CheckLines.fail(name(), "the published " + which + " do" + (which.contains(" and ") ? "" : "es")
                    + " not hash to the settled " + (which.contains(" and ") ? "hashes" : "hash")
                    + " (neither keccak256 of canonical JSON nor legacy SHA-256 of sorted-keys JSON)", details);
        }
        String form = input.equals(output) ? input : "input " + input + ", output " + output;
        return CheckLines.pass(name(), "published input and output hash to the settled hashes (" + form + ")", details);
    }

    /**
     * Which hash form of {@code value} equals {@code settled}: keccak256 of canonical JSON ({@code current}, already
     * computed), the legacy SHA-256 (computed only if needed), or null for neither.
     */
    static String form(Object value, byte[] current, byte[] settled) {
        if (MessageDigest.isEqual(current, settled)) {
            return "keccak256 of canonical JSON";
        }
        if (MessageDigest.isEqual(LegacyJsonHash.sha256(value), settled)) {
            return "legacy SHA-256 of sorted-keys JSON";
        }
        return null;
    }
}
