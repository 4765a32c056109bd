package io.proofdesk.cli;

import io.proofdesk.devnet.Devnet;

import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Ctrl+C (SIGINT) or SIGTERM does to {@code proofdesk devnet}, at any moment. The JVM runs shutdown hooks while
 * the main thread is still starting the network, so without this the start went on against an exiting JVM and
 * died on {@code Runtime.addShutdownHook}'s "Shutdown in progress". Installed before the start: once a shutdown is
 * requested the start stops at its next step ({@link #checkNotRequested}), the hook waits for it to unwind (which
 * stops anvil and every service started so far), closes a network that did start, and says what happened.
 */
final class DevnetShutdown {

    /** The start unwinds within a step; anvil's own hook and its wrapper stop it even if this wait runs out. */
    private static final long UNWIND_WAIT_SECONDS = 20;

    private final PrintWriter err;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch startEnded = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Devnet> devnet = new AtomicReference<>();
    private final Thread hook = new Thread(this::onShutdown, "devnet-shutdown");

    private DevnetShutdown(PrintWriter err) {
        this.err = err;
    }

    static DevnetShutdown install(PrintWriter err) {
        DevnetShutdown shutdown = new DevnetShutdown(err);
        Runtime.getRuntime().addShutdownHook(shutdown.hook);
        return shutdown;
    }

    /** The command ends by itself (a failed start, --seed-only): nothing left for a shutdown to stop. */
    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs now and finds nothing to stop
        }
    }

    /** For the start's progress callback: once a shutdown was requested, ends the start (it stops what it began). */
    void checkNotRequested() {
        if (requested.get()) {
            throw new CancellationException("interrupted");
        }
    }

    boolean requested() {
        return requested.get();
    }

    void started(Devnet running) {
        devnet.set(running);
        startEnded.countDown();
    }

    void startFailed() {
        startEnded.countDown();
    }

    /** Blocks until the hook has stopped the network. */
    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void onShutdown() {
        requested.set(true);
        boolean whileStarting = startEnded.getCount() > 0;
        try {
            startEnded.await(UNWIND_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Devnet running = devnet.get();
        if (running != null) {
            running.close();
        }
        if (whileStarting) {
            err.println("proofdesk devnet: interrupted while starting; the demo network was stopped "
                    + "(anvil and the services started so far).");
            err.flush();
        }
        stopped.countDown();
    }
}
