package io.proofdesk.verify;

import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.EncodedVerdict;
import io.proofdesk.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Saves a batch's verdicts on one thread, many to a transaction: workers hand each verdict over and go on
 * verifying, and the writer commits what arrived within {@link #GROUP_WINDOW_MS} of the first one (at most
 * {@link #MAX_GROUP}) in one transaction. A commit (a WAL sync) costs more than a small model's whole check, and
 * the store has one writer connection, so a transaction per verdict had the workers queueing on the store instead of
 * verifying. A commit writes every page its group touched, and the verdicts of a larger group share more of them
 * (the inference-id indexes most), so {@link #MAX_GROUP} is 1,024 rather than 256: about a third less commit work
 * per verdict on the one thread every worker waits for. {@link #close} writes whatever is still queued, so a
 * cancelled batch keeps every verdict it reached; a crash loses at most the group being written, and a resumed run
 * verifies those records again.
 */
final class VerdictWriter implements AutoCloseable {

    static final int MAX_GROUP = 1024;
    static final long GROUP_WINDOW_MS = 100;
    /** How long the writer lets verdicts gather once they arrive faster than it takes them one by one. */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final Object END = new Object();

    private final Store store;
    private final Consumer<VerdictRecord> saved;
    private final Consumer<VerdictRecord> notSaved;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(4 * MAX_GROUP);
    private final Thread thread;

    /**
     * @param saved    told of each verdict once its transaction committed (on the writer thread)
     * @param notSaved told of each verdict the store refused, even on its own
     */
    VerdictWriter(Store store, Consumer<VerdictRecord> saved, Consumer<VerdictRecord> notSaved) {
        this.store = store;
        this.saved = saved;
        this.notSaved = notSaved;
        this.thread = new Thread(this::loop, "proofdesk-verify-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a verdict, encoded on the caller's thread (its JSON is the writer's largest piece of CPU work, and the
     * workers are many); waits only if the writer is {@code 4 * MAX_GROUP} verdicts behind.
     */
    void submit(VerdictRecord verdict) throws InterruptedException {
        queue.put(store.encode(verdict));
    }

    /** Writes everything submitted so far and stops the writer; call once no worker submits any more. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(END);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;  // the verdicts already reached are written regardless
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<EncodedVerdict> group = new ArrayList<>(MAX_GROUP);
        List<Object> drained = new ArrayList<>(MAX_GROUP);
        boolean ended = false;
        while (!ended) {
            try {
                Object first = queue.take();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GROUP_WINDOW_MS);
                ended = add(group, first);
                while (!ended && group.size() < MAX_GROUP) {
                    drained.clear();
                    queue.drainTo(drained, MAX_GROUP - group.size());
                    for (Object next : drained) {
                        ended = add(group, next);  // END is the last thing ever queued
                    }
                    long left = deadline - System.nanoTime();
                    if (ended || group.size() >= MAX_GROUP || left <= 0) {
                        break;
                    }
                    if (drained.isEmpty()) {
                        Object next = queue.poll(left, TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        ended = add(group, next);
                    } else {
                        // verdicts are flowing: let a few gather instead of waking for each one
                        LockSupport.parkNanos(Math.min(left, GATHER_NANOS));
                    }
                }
            } catch (InterruptedException e) {
                // nobody interrupts this thread on purpose; write what is held and carry on until END
            }
            write(group);
            group.clear();
        }
    }

    /** Adds a queued verdict to the group; true if it was the end marker instead. */
    private static boolean add(List<EncodedVerdict> group, Object queued) {
        if (queued == END) {
            return true;
        }
        group.add((EncodedVerdict) queued);
        return false;
    }

    private void write(List<EncodedVerdict> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            store.inTransaction(tx -> {
                tx.saveVerdicts(group);
            });
            group.forEach(v -> saved.accept(v.verdict()));
        } catch (RuntimeException e) {
            // one bad verdict must not lose the group: save each on its own
            for (EncodedVerdict v : group) {
                try {
                    store.inTransaction(tx -> {
                        tx.saveVerdicts(List.of(v));
                    });
                    saved.accept(v.verdict());
                } catch (RuntimeException single) {
                    notSaved.accept(v.verdict());
                }
            }
        }
    }
}
