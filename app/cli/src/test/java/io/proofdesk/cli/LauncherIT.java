package io.proofdesk.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the built {@code target/proofdesk} launcher as a user would. */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("target", "proofdesk").toAbsolutePath();

    private record Run(int code, String output) {}

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(args)).toList())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
        return new Run(p.exitValue(), out);
    }

    /** An older JDK, as the machine's default `java` is here (17). */
    private static Path olderJdk() throws IOException {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(p -> Files.isExecutable(p.resolve("bin/java")))
                    .filter(p -> p.getFileName().toString().contains("17"))
                    .findFirst().orElseThrow(() -> new AssertionError("no JDK 17 under /usr/lib/jvm to test with"));
        }
    }

    @Test
    @DisplayName("with an older java first on PATH and in JAVA_HOME, the launcher still runs on Java 25")
    void findsJava25() throws Exception {
        Path old = olderJdk();
        Run r = run(Map.of("JAVA_HOME", old.toString(), "PATH", old.resolve("bin") + ":/usr/bin:/bin"), "--version");
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("Java 25"), r.output());
        assertTrue(r.output().contains("ONNX Runtime"), r.output());
    }

    @Test
    @DisplayName("--help works from the launcher")
    void help() throws Exception {
        Run r = run(Map.of(), "--help");
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("Usage: proofdesk"), r.output());
    }

    @Test
    @DisplayName("a PROOFDESK_JAVA_HOME that is not a Java 25 JDK is refused with a sentence")
    void refusesWrongJdk() throws Exception {
        Run r = run(Map.of("PROOFDESK_JAVA_HOME", olderJdk().toString()), "--version");
        assertEquals(ExitCode.ERROR, r.code(), r.output());
        assertTrue(r.output().contains("is not a Java 25 or newer JDK"), r.output());
        assertFalse(r.output().contains("Exception"), r.output());
    }
}
