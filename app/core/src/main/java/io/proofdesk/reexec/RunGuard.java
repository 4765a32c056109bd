package io.proofdesk.reexec;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Watches the runs in progress from one thread of its own and stops, through ONNX Runtime's
 * {@code RunOptions.setTerminate}, a run that takes longer than {@link ModelLimits#maxRunTime()} or during which the
 * process's memory outside the Java heap grows by more than {@link ModelLimits#maxRunMemoryBytes()}. ONNX Runtime
 * checks the flag between operators, so a run stops at the end of the operator it is in; the sizes
 * {@link TensorSizeCheck} could work out are refused before that operator starts. Memory is the resident set from
 * {@code /proc/self/status} less the Java heap's committed size; where there is no {@code /proc} only time is watched.
 *
 * <p>The run's own thread only adds and removes itself from a set (a run takes microseconds; it must not pay for a
 * memory sample): the guard takes a run's memory baseline the first time it sees it, so runs shorter than
 * {@link #POLL} are never measured — they cannot have grown far.
 */
final class RunGuard implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(10);
    /**
     * How long the guard keeps looking every {@link #POLL} after the last run ended before it sleeps until the next:
     * waking it for every run cost each run of a batch a futex wake-up (a run takes microseconds).
     */
    static final Duration IDLE = Duration.ofSeconds(1);

    private final ModelLimits limits;
    private final LongSupplier nativeMemory;
    private final Set<Ticket> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private Thread thread;
    private volatile boolean closed;
    /** The guard thread is parked until woken: set only after {@link #IDLE} without runs. */
    private volatile boolean sleeping = true;

    RunGuard(ModelLimits limits) {
        this(limits, RunGuard::processMemoryOutsideHeap);
    }

    /** @param nativeMemory bytes of memory to hold against the limit, or -1 if unknown */
    RunGuard(ModelLimits limits, LongSupplier nativeMemory) {
        this.limits = limits;
        this.nativeMemory = nativeMemory;
    }

    /** Registers a run that is about to start with these options; close the ticket before closing the options. */
    Ticket start(OrtSession.RunOptions options) {
        Ticket t = new Ticket(options, System.nanoTime());
        active.add(t);
        running.incrementAndGet();
        // read after the increment: the guard sets sleeping before it reads running, so one of the two sees the other
        if (sleeping) {
            wake();
        }
        return t;
    }

    private synchronized void wake() {
        if (closed) {
            return;
        }
        if (thread == null) {
            thread = new Thread(this::loop, "proofdesk-run-guard");
            thread.setDaemon(true);
            thread.start();
        } else {
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        long idleSince = System.nanoTime();
        while (!closed) {
            if (running.get() == 0) {
                if (System.nanoTime() - idleSince < IDLE.toNanos()) {
                    LockSupport.parkNanos(this, POLL.toNanos());
                    continue;
                }
                sleeping = true;
                if (running.get() == 0 && !closed) {
                    LockSupport.park(this);
                }
                sleeping = false;
                idleSince = System.nanoTime();
                continue;
            }
            sleeping = false;
            long memory = nativeMemory.getAsLong();
            long now = System.nanoTime();
            for (Ticket t : active) {
                t.watch(now, memory);
            }
            idleSince = now;
            LockSupport.parkNanos(this, POLL.toNanos());
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** One run under watch. */
    final class Ticket implements AutoCloseable {
        private final OrtSession.RunOptions options;
        private final long startNanos;
        private long baseline = Long.MIN_VALUE;
        private volatile String stopReason;
        private boolean closed;

        private Ticket(OrtSession.RunOptions options, long startNanos) {
            this.options = options;
            this.startNanos = startNanos;
        }

        /** Why the guard stopped this run, or null if it did not. */
        String stopReason() {
            return stopReason;
        }

        private synchronized void watch(long now, long memory) {
            if (closed || stopReason != null) {
                return;
            }
            if (memory >= 0 && baseline == Long.MIN_VALUE) {
                baseline = memory;
            }
            long elapsed = now - startNanos;
            if (elapsed > limits.maxRunTime().toNanos()) {
                stop("it ran for " + String.format(java.util.Locale.ROOT, "%.2f s", elapsed / 1e9)
                        + ", longer than the limit of " + seconds(limits.maxRunTime()));
            } else if (memory >= 0 && memory - baseline > limits.maxRunMemoryBytes()) {
                stop("it grew the process's memory by " + ModelLimits.bytesText(memory - baseline)
                        + ", more than the limit of " + ModelLimits.bytesText(limits.maxRunMemoryBytes()) + " per run");
            }
        }

        private void stop(String reason) {
            stopReason = reason;
            try {
                options.setTerminate(true);
            } catch (OrtException e) {
                stopReason = reason + " (and ONNX Runtime could not be told to stop: " + e.getMessage() + ")";
            }
        }

        /** The run is over; after this the guard no longer touches its options. */
        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                active.remove(this);
                running.decrementAndGet();
            }
        }
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
    }

    /** Resident memory less the Java heap's committed size, in bytes; -1 where /proc is not there (not Linux). */
    static long processMemoryOutsideHeap() {
        long rss = residentBytes();
        if (rss < 0) {
            return -1;
        }
        return rss - HEAP.getHeapMemoryUsage().getCommitted();
    }

    private static final MemoryMXBean HEAP = ManagementFactory.getMemoryMXBean();
    private static final Path STATUS = Path.of("/proc/self/status");

    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).strip();
                    return Long.parseLong(kb.substring(0, kb.indexOf(' '))) * 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
