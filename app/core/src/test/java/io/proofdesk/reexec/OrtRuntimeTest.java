package io.proofdesk.reexec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ONNX Runtime's environment start-up walks the process's command line with a recursive regex (see
 * {@link OrtRuntime}); these tests launch JVMs with a command line as long as the README's
 * {@code mvn ... exec:exec@run} launch (about 10 KB, the class path spelled out) and check that Proofdesk's way of
 * starting ONNX Runtime survives it. Whether a direct start on a 1 MB stack crashes depends on the machine (it died
 * with SIGSEGV on the development machines and not on CI's), so only the way Proofdesk starts it is asserted.
 */
class OrtRuntimeTest {

    /** Longer than exec:exec@run's command line (about 10 KB) and far past the ~4 KB a 1 MB stack survives. */
    private static final int PADDING = 16_000;

    @TempDir
    Path dir;

    @Test
    @DisplayName("a JVM with a 16 KB command line starts ONNX Runtime through OrtRuntime")
    void longCommandLineStartsThroughOrtRuntime() throws Exception {
        Result result = launch("runtime");
        assertEquals(0, result.exit(), "exit " + result.exit() + " (139 is SIGSEGV); output:\n" + result.output());
        assertTrue(result.output().contains("ORT 1."), result.output());
    }

    @Test
    void theEnvironmentIsCreatedOnceAndShared() {
        assertSame(OrtRuntime.environment(), OrtRuntime.environment());
        assertSame(ai.onnxruntime.OrtEnvironment.getEnvironment(), OrtRuntime.environment());
    }

    @Test
    void stackGrowsWithTheCommandLine() {
        assertEquals(OrtRuntime.BASE_STACK, OrtRuntime.stackBytesFor(OptionalLong.of(0)));
        assertEquals(OrtRuntime.BASE_STACK + 10_000 * OrtRuntime.STACK_PER_COMMAND_LINE_BYTE,
                OrtRuntime.stackBytesFor(OptionalLong.of(10_000)));
        assertEquals(OrtRuntime.UNKNOWN_COMMAND_LINE_STACK, OrtRuntime.stackBytesFor(OptionalLong.empty()));
        // 260 bytes per command-line byte were measured with ORT 1.29.0; the stack gives at least three times that
        assertTrue(OrtRuntime.stackBytesFor(OptionalLong.of(PADDING)) > 3 * 260L * PADDING);
    }

    @Test
    void commandLineLengthCountsEveryByteIncludingTheSeparators() throws IOException {
        Path cmdline = dir.resolve("cmdline");
        Files.write(cmdline, "java\0-cp\0a:b\0Main\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals(OptionalLong.of(18), OrtRuntime.commandLineBytes(cmdline));
        assertEquals(OptionalLong.empty(), OrtRuntime.commandLineBytes(dir.resolve("missing")));
    }

    private Result launch(String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dproofdesk.test.padding=" + "x".repeat(PADDING),
                // ORT unpacks its natives into the temp folder; keep them, and any core file, in this test's folder
                "-Djava.io.tmpdir=" + dir,
                "-cp", System.getProperty("java.class.path"), OrtStartMain.class.getName(), mode);
        Process child = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        return new Result(child.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
