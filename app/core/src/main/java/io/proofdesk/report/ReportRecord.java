package io.proofdesk.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.proofdesk.domain.Evidence;

import java.util.List;

/**
 * One record's verdict as reported: its identity on chain, what it claims (mode, model, TEE, node), the verdict with
 * its reason, when and with what it was reached ({@code verifiedWith}), every check line, and — when the record was
 * re-executed for the report — the claimed and local outputs ({@code outputs}, nullable), and how firmly the writer's
 * sync established the record on chain ({@code evidence}; absent from reports of schemas before
 * {@value Report#SCHEMA}, which are read as TRUSTED, "not recorded").
 */
public record ReportRecord(String id, String txHash, long logIndex, Integer leafIndex, long block, String timestamp,
                           String mode, String settlement, String model, String modelVersion, String teeId,
                           String node, String verdict, String reason, String checkedAt, String tolerance,
                           VerifiedWith verifiedWith, List<ReportCheckLine> checks, ReportOutputs outputs,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ReportEvidence evidence) {

    public ReportRecord {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** The environment a verdict was reached in (the verifier's, which may differ from the report writer's). */
    public record VerifiedWith(String proofdesk, String onnxRuntime, String os, String cpu) {
    }

    /**
     * The record's evidence; for a report written before evidence levels, TRUSTED "not recorded" (Proofdesk then
     * took the chain from one endpoint without proofs). Not named {@code getEvidence}: Jackson would sign it as a field.
     */
    public Evidence evidenceOrNotRecorded() {
        return evidence == null ? Evidence.notRecorded() : evidence.toEvidence();
    }

    /** Names of the lines that did not pass (FAIL or ERROR), in order. */
    public List<String> failedChecks() {
        return checks.stream().filter(c -> c.status().equals("FAIL") || c.status().equals("ERROR"))
                .map(ReportCheckLine::name).toList();
    }
}
