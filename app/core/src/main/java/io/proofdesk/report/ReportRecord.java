package io.proofdesk.report;

import java.util.List;

/**
 * One record's verdict as reported: its identity on chain, what it claims (mode, model, TEE, node), the verdict with
 * its reason, when and with what it was reached ({@code verifiedWith}), every check line, and — when the record was
 * re-executed for the report — the claimed and local outputs ({@code outputs}, nullable).
 */
public record ReportRecord(String id, String txHash, long logIndex, Integer leafIndex, long block, String timestamp,
                           String mode, String settlement, String model, String modelVersion, String teeId,
                           String node, String verdict, String reason, String checkedAt, String tolerance,
                           VerifiedWith verifiedWith, List<ReportCheckLine> checks, ReportOutputs outputs) {

    public ReportRecord {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** The environment a verdict was reached in (the verifier's, which may differ from the report writer's). */
    public record VerifiedWith(String proofdesk, String onnxRuntime, String os, String cpu) {
    }

    /** Names of the lines that did not pass (FAIL or ERROR), in order. */
    public List<String> failedChecks() {
        return checks.stream().filter(c -> c.status().equals("FAIL") || c.status().equals("ERROR"))
                .map(ReportCheckLine::name).toList();
    }
}
