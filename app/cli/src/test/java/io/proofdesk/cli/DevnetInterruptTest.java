package io.proofdesk.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl+C on {@code proofdesk devnet} while it starts: one sentence, no "Shutdown in progress", no anvil left. */
class DevnetInterruptTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIGINT at \"{0}\"")
    @ValueSource(strings = {"starting the chain", "deploying contracts", "seeding inferences"})
    @DisplayName("interrupting devnet while it starts exits with a sentence and stops anvil")
    void interruptWhileStarting(String step) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path state = dir.resolve("devnet");
        Process child = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Dproofdesk.root=" + System.getProperty("proofdesk.root"),
                "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
                ProofdeskCli.class.getName(), "devnet", "--state-dir", state.toString(), "--inferences", "200"))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(read failed: " + e + ")");
            }
        });
        try {
            String line;
            do {
                line = lines.poll(120, TimeUnit.SECONDS);
                assertNotNull(line, "no '" + step + "' line within 120 s; output:\n" + output);
                output.append(line).append('\n');
            } while (!line.startsWith(step));
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "devnet did not exit within 60 s of SIGINT");
            reader.join(5_000);
            lines.forEach(l -> output.append(l).append('\n'));
        } finally {
            child.destroyForcibly();
        }
        String all = output.toString();
        assertFalse(all.contains("Shutdown in progress"), all);
        assertFalse(all.contains("Exception"), all);
        assertTrue(all.contains("proofdesk devnet: interrupted while starting; the demo network was stopped"), all);
        Optional<ProcessHandle> anvil = anvilOf(state);
        anvil.ifPresent(a -> assertTrue(a.onExit().orTimeout(15, TimeUnit.SECONDS).handle((h, e) -> !a.isAlive()).join(),
                "anvil " + a.pid() + " still runs after devnet exited"));
        if (!step.equals("starting the chain")) {
            assertTrue(Files.exists(state.resolve("anvil.pid")), "anvil had started: " + all);
        }
    }

    private static Optional<ProcessHandle> anvilOf(Path state) throws IOException {
        Path pidFile = state.resolve("anvil.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
        return pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid));
    }
}
