package io.proofdesk.verify.checks;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.RecordEvidence;

/** ZKML records carry EZKL proofs Proofdesk cannot check yet: always UNVERIFIED, never a pass. */
public final class ZkProofCheck implements InferenceCheck {

    @Override
    public String name() {
        return CheckNames.ZK_PROOF;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        return CheckLines.unverified(name(), "zk proof checking not supported");
    }
}
