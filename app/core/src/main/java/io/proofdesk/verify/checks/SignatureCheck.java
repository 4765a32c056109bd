package io.proofdesk.verify.checks;

import io.proofdesk.attest.KeyFormatException;
import io.proofdesk.attest.PublicKeys;
import io.proofdesk.attest.SignatureResult;
import io.proofdesk.attest.TeeId;
import io.proofdesk.attest.TeeSettlementLeaf;
import io.proofdesk.attest.TeeSignatures;
import io.proofdesk.attest.WrongKeyTypeException;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.Tee;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.Fetched;
import io.proofdesk.verify.RecordEvidence;
import org.web3j.utils.Numeric;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settled RSA-PSS signature over keccak256(inputHash ‖ outputHash ‖ uint256 timestamp) verifies under the
 * registered key of the record's TEE, and that key is the one the TEE id names (keccak256 of its DER).
 */
public final class SignatureCheck implements InferenceCheck {

    @Override
    public String name() {
        return CheckNames.SIGNATURE;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        Fetched<TeeSettlementLeaf> settled = evidence.settled();
        if (settled instanceof Fetched.Failed<TeeSettlementLeaf> f) {
            return CheckLines.of(name(), f);
        }
        TeeSettlementLeaf s = ((Fetched.Ok<TeeSettlementLeaf>) settled).value();
        String settledTee = Numeric.toHexString(s.teeId());
        String recordTee = evidence.inference().teeId();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("teeId", settledTee);
        details.put("timestamp", s.teeTimestamp().toString());
        if (recordTee != null && !recordTee.equalsIgnoreCase(settledTee)) {
            return CheckLines.fail(name(), "the record names TEE " + recordTee + " but the settlement was signed as "
                    + settledTee, details);
        }
        Optional<Tee> tee = evidence.facts().tee();
        if (tee.isEmpty() || tee.get().publicKey().isEmpty()) {
            return CheckLines.fail(name(), "TEE " + settledTee + " has no registered signing key", details);
        }
        byte[] der = tee.get().publicKey().toArray();
        PublicKey key;
        try {
            key = PublicKeys.parse(der, "registered key of TEE " + settledTee);
        } catch (KeyFormatException e) {
            return CheckLines.fail(name(), e.getMessage(), details);
        }
        if (!TeeId.of(key).equals(new TeeId(s.teeId()))) {
            return CheckLines.fail(name(), "the registered key hashes to " + TeeId.of(key).hex()
                    + ", not to the record's TEE id", details);
        }
        SignatureResult result;
        try {
            result = TeeSignatures.verifySettlement(key, s.inputHash(), s.outputHash(), s.teeTimestamp(), s.teeSignature());
        } catch (WrongKeyTypeException e) {
            return CheckLines.fail(name(), e.getMessage(), details);
        }
        details.put("scheme", "RSA-PSS SHA-256, MGF1-SHA-256, salt 32");
        return result.isValid()
                ? CheckLines.pass(name(), "RSA-PSS signature verifies under the registered key", details)
                : CheckLines.fail(name(), result.reason(), details);
    }
}
