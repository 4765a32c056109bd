package io.proofdesk.verify;

import io.proofdesk.domain.BuildInfo;
import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.reexec.OrtRuntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where verdicts are reached: this build, ONNX Runtime, OS and CPU model, and the tolerance in use. */
public final class EnvironmentProbe {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private EnvironmentProbe() {
    }

    public static VerificationEnvironment current(String tolerance) {
        BuildInfo build = BuildInfo.current();
        return new VerificationEnvironment(build.proofdeskVersion(), OrtRuntime.environment().getVersion(),
                build.os() + " " + build.arch(), cpuModel(), tolerance);
    }

    /** "model name" from /proc/cpuinfo (Linux), else the architecture and core count. */
    static String cpuModel() {
        try {
            if (Files.isReadable(CPUINFO)) {
                byte[] head = readHead(CPUINFO, 64 * 1024);
                for (String line : new String(head, StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("model name")) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            return line.substring(colon + 1).strip();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // fall through to the generic description
        }
        return System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    private static byte[] readHead(Path p, int max) throws IOException {
        try (var in = Files.newInputStream(p)) {
            return in.readNBytes(max);
        }
    }
}
