package io.proofdesk.ui.startup;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single-instance lock across real processes: a child JVM runs {@link ClaimProbe}. */
class InstanceLockTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a second claim on a held folder is 'already running'; after close the folder is free again")
    void secondClaimInTheSameProcess() throws IOException {
        InstanceLock.First first = assertInstanceOf(InstanceLock.First.class, InstanceLock.claim(dir));
        assertInstanceOf(InstanceLock.AlreadyRunning.class, InstanceLock.claim(dir));
        first.lock().close();
        InstanceLock.First again = assertInstanceOf(InstanceLock.First.class, InstanceLock.claim(dir));
        again.lock().close();
    }

    @Test
    void differentDataFoldersDoNotBlockEachOther(@TempDir Path other) throws IOException {
        InstanceLock.First a = assertInstanceOf(InstanceLock.First.class, InstanceLock.claim(dir));
        InstanceLock.First b = assertInstanceOf(InstanceLock.First.class, InstanceLock.claim(other));
        a.lock().close();
        b.lock().close();
    }

    @Test
    @DisplayName("another process finds the folder taken, and its focus request reaches the running one exactly once")
    void secondProcessAsksTheFirstToComeForward() throws Exception {
        InstanceLock.First first = assertInstanceOf(InstanceLock.First.class, InstanceLock.claim(dir));
        CountDownLatch asked = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        try (FocusRequestWatcher watcher = FocusRequestWatcher.start(first.lock(), () -> {
            requests.incrementAndGet();
            asked.countDown();
        })) {
            Process probe = startProbe();
            assertEquals("ALREADY_RUNNING", firstLine(probe));
            assertEquals(0, probe.waitFor());
            assertTrue(asked.await(10, TimeUnit.SECONDS), "the focus request never reached the watcher");
            Thread.sleep(300); // a duplicate delivery would show up here
            assertEquals(1, requests.get());
            assertFalse(Files.exists(dir.resolve(InstanceLock.FOCUS_REQUEST)), "the request file was not consumed");
        } finally {
            first.lock().close();
        }
    }

    @Test
    @DisplayName("a second launch's --open reaches the running one with its request")
    void secondProcessHandsOverWhatToOpen() throws Exception {
        InstanceLock.First first = assertInstanceOf(InstanceLock.First.class, InstanceLock.claim(dir));
        BlockingQueue<Optional<String>> asked = new LinkedBlockingQueue<>();
        try (FocusRequestWatcher watcher = FocusRequestWatcher.start(first.lock(), asked::add)) {
            Process probe = startProbe("0xabc:3");
            assertEquals("ALREADY_RUNNING", firstLine(probe));
            assertEquals(0, probe.waitFor());
            assertEquals(Optional.of("0xabc:3"), asked.poll(10, TimeUnit.SECONDS));
            Process plain = startProbe();
            assertEquals("ALREADY_RUNNING", firstLine(plain));
            assertEquals(0, plain.waitFor());
            assertEquals(Optional.empty(), asked.poll(10, TimeUnit.SECONDS), "a plain launch only asks for focus");
        } finally {
            first.lock().close();
        }
    }

    @Test
    @DisplayName("a holder that dies (crash) leaves no stale lock: the next launch is first")
    void lockDiesWithItsProcess() throws Exception {
        Process holder = startProbe();
        try {
            assertEquals("FIRST", firstLine(holder));
            assertInstanceOf(InstanceLock.AlreadyRunning.class, InstanceLock.claim(dir));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        InstanceLock.First next = assertInstanceOf(InstanceLock.First.class, InstanceLock.claim(dir));
        next.lock().close();
    }

    @Test
    @DisplayName("a request left over from before is cleared when a launch becomes first, not acted on later")
    void staleRequestIsClearedOnClaim() throws IOException {
        Files.writeString(dir.resolve(InstanceLock.FOCUS_REQUEST), "1\n");
        InstanceLock.First first = assertInstanceOf(InstanceLock.First.class, InstanceLock.claim(dir));
        assertFalse(Files.exists(dir.resolve(InstanceLock.FOCUS_REQUEST)));
        first.lock().close();
    }

    private Process startProbe(String... open) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ClaimProbe.class.getName(), dir.toString()));
        command.addAll(List.of(open));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        return r.readLine();
    }
}
