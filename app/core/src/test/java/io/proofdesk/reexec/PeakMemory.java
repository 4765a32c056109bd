package io.proofdesk.reexec;

import java.util.concurrent.atomic.AtomicLong;

/** The largest resident size of this process while it runs, sampled every few milliseconds by a thread. */
final class PeakMemory {

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean done;

    private PeakMemory() {
        peak.set(RunGuard.residentBytes());
        sampler = new Thread(() -> {
            while (!done) {
                peak.accumulateAndGet(RunGuard.residentBytes(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    static PeakMemory start() {
        return new PeakMemory();
    }

    /** Stops sampling; the peak resident bytes seen (one last sample included). */
    long stop() {
        done = true;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return peak.accumulateAndGet(RunGuard.residentBytes(), Math::max);
    }
}
