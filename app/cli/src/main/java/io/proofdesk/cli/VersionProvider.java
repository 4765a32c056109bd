package io.proofdesk.cli;

import io.proofdesk.domain.BuildInfo;
import io.proofdesk.reexec.OrtRuntime;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        BuildInfo b = BuildInfo.current();
        return new String[] {
            "Proofdesk " + b.proofdeskVersion(),
            "Java " + b.javaVersion() + " (" + b.os() + ", " + b.arch() + ")",
            "Core: headless, no JavaFX",
            "ONNX Runtime " + OrtRuntime.environment().getVersion(),
        };
    }
}
