package io.proofdesk.reexec;

import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard's decisions, with a memory reading the test controls. */
class RunGuardTest {

    private static void waitFor(RunGuard.Ticket t, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (t.stopReason() == null && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    @Test
    @DisplayName("memory growth past the limit stops a run; growth within it, or a closed ticket, does not")
    void memory() throws Exception {
        AtomicLong memory = new AtomicLong(1_000L << 20);
        ModelLimits limits = ModelLimits.DEFAULT.withMaxRunMemoryBytes(100L << 20);
        try (RunGuard guard = new RunGuard(limits, memory::get); OrtSession.RunOptions options = new OrtSession.RunOptions()) {
            RunGuard.Ticket t = guard.start(options);
            Thread.sleep(50);  // the guard takes its baseline the first time it sees the run
            memory.addAndGet(99L << 20);
            Thread.sleep(50);
            assertNull(t.stopReason(), "99 MiB is within the limit");
            memory.addAndGet(2L << 20);
            waitFor(t, 2000);
            assertTrue(String.valueOf(t.stopReason()).equals(
                    "it grew the process's memory by 101 MiB, more than the limit of 100 MiB per run"), t.stopReason());
            t.close();

            RunGuard.Ticket after = guard.start(options);
            after.close();
            memory.addAndGet(1L << 30);
            Thread.sleep(50);
            assertNull(after.stopReason(), "a closed ticket is no longer watched");
        }
    }

    @Test
    @DisplayName("a run past the time limit is stopped; where memory is unknown (-1) only time is watched")
    void time() throws Exception {
        ModelLimits limits = ModelLimits.DEFAULT.withMaxRunTime(Duration.ofMillis(100));
        try (RunGuard guard = new RunGuard(limits, () -> -1); OrtSession.RunOptions options = new OrtSession.RunOptions()) {
            RunGuard.Ticket t = guard.start(options);
            waitFor(t, 5000);
            assertTrue(String.valueOf(t.stopReason()).matches("it ran for \\d\\.\\d\\d s, longer than the limit of 0\\.1 s"),
                    t.stopReason());
            t.close();
        }
    }
}
