package io.proofdesk.verify.checks;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.TeeEvent;
import io.proofdesk.verify.CheckNames;
import io.proofdesk.verify.RecordEvidence;
import io.proofdesk.verify.StoredFacts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TEE's registry status at the record's block — not today's: registered by then, enabled then (the fold of
 * its ENABLED/DISABLED events), and running a PCR set that was approved at that block.
 */
public final class TeeStatusCheck implements InferenceCheck {

    @Override
    public String name() {
        return CheckNames.TEE_STATUS;
    }

    @Override
    public CheckResult check(RecordEvidence evidence) {
        StoredFacts facts = evidence.facts();
        Inference r = facts.inference();
        if (r.teeId() == null) {
            return BatchInclusionCheck.layoutWithoutTee(evidence).map(why -> CheckLines.unverified(name(), why))
                    .orElseGet(() -> CheckLines.fail(name(), "the record names no TEE"));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("teeId", r.teeId());
        details.put("atBlock", Long.toString(r.blockNumber()));
        boolean registered = false;
        boolean enabled = false;
        long since = -1;
        for (TeeEvent e : facts.teeHistory()) {
            switch (e.kind()) {
                case REGISTERED -> {
                    registered = true;
                    enabled = true;
                    since = e.blockNumber();
                }
                case ENABLED -> {
                    enabled = true;
                    since = e.blockNumber();
                }
                case DISABLED -> {
                    enabled = false;
                    since = e.blockNumber();
                }
                default -> {
                    // heartbeats and PCR events do not change whether this TEE is enabled
                }
            }
        }
        if (!registered) {
            return CheckLines.fail(name(), "TEE " + r.teeId() + " was not registered at block " + r.blockNumber(), details);
        }
        details.put("enabled", Boolean.toString(enabled));
        details.put("since", Long.toString(since));
        if (!enabled) {
            return CheckLines.fail(name(), "TEE was disabled at block " + since + ", before the record's block "
                    + r.blockNumber(), details);
        }
        details.put("pcrHash", String.valueOf(facts.pcrHashAtBlock()));
        if (facts.pcrHashAtBlock() == null) {
            return CheckLines.fail(name(), "the registry holds no PCR hash for this TEE", details);
        }
        if (facts.approvalAtBlock().isEmpty()) {
            return CheckLines.fail(name(), "the TEE's PCR set " + facts.pcrHashAtBlock() + " was not approved at block "
                    + r.blockNumber(), details);
        }
        details.put("pcrApprovedAt", Long.toString(facts.approvalAtBlock().get().approvedBlock()));
        return CheckLines.pass(name(), "registered, enabled and running an approved PCR set at block "
                + r.blockNumber(), details);
    }
}
