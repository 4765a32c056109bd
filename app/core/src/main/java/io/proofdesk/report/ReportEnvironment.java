package io.proofdesk.report;

import io.proofdesk.domain.BuildInfo;
import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.verify.EnvironmentProbe;

/** Where the report was written: Proofdesk, Java and ONNX Runtime versions, OS and CPU. Any field may be null. */
public record ReportEnvironment(String proofdesk, String java, String onnxRuntime, String os, String cpu) {

    /** This process, with the ORT version and CPU model the verifier's environment probe found. */
    public static ReportEnvironment current(String onnxRuntime, String cpu) {
        BuildInfo b = BuildInfo.current();
        return new ReportEnvironment(b.proofdeskVersion(), b.javaVersion(), onnxRuntime, b.os() + " " + b.arch(), cpu);
    }

    /** This process, probed as the verifier probes it (loads ONNX Runtime, so call it off any UI thread). */
    public static ReportEnvironment probed() {
        VerificationEnvironment probe = EnvironmentProbe.current("");
        return current(probe.ortVersion(), probe.cpu());
    }
}
