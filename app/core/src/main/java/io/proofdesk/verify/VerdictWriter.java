package io.proofdesk.verify;

import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Saves a batch's verdicts on one thread, many to a transaction: workers hand each verdict over and go on
 * verifying, and the writer commits what arrived within {@link #GROUP_WINDOW_MS} of the first one (at most
 * {@link #MAX_GROUP}) in one transaction. A commit (a WAL sync) costs more than a small model's whole check, and
 * the store has one writer connection, so a transaction per verdict had the workers queueing on the store instead of
 * verifying. {@link #close} writes whatever is still queued, so a cancelled batch keeps every verdict it reached; a
 * crash loses at most the group being written, and a resumed run verifies those records again.
 */
final class VerdictWriter implements AutoCloseable {

    static final int MAX_GROUP = 256;
    static final long GROUP_WINDOW_MS = 50;
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

    /** Queues a verdict; waits only if the writer is {@code 4 * MAX_GROUP} verdicts behind. */
    void submit(VerdictRecord verdict) throws InterruptedException {
        queue.put(verdict);
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
        List<VerdictRecord> group = new ArrayList<>(MAX_GROUP);
        boolean ended = false;
        while (!ended) {
            try {
                Object first = queue.take();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GROUP_WINDOW_MS);
                Object next = first;
                while (true) {
                    if (next == END) {
                        ended = true;
                        break;
                    }
                    group.add((VerdictRecord) next);
                    long left = deadline - System.nanoTime();
                    if (group.size() >= MAX_GROUP || left <= 0
                            || (next = queue.poll(left, TimeUnit.NANOSECONDS)) == null) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                // nobody interrupts this thread on purpose; write what is held and carry on until END
            }
            write(group);
            group.clear();
        }
    }

    private void write(List<VerdictRecord> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            store.inTransaction(tx -> tx.saveVerdicts(group));
            group.forEach(saved);
        } catch (RuntimeException e) {
            // one bad verdict must not lose the group: save each on its own
            for (VerdictRecord v : group) {
                try {
                    store.inTransaction(tx -> {
                        tx.saveVerdict(v);
                    });
                    saved.accept(v);
                } catch (RuntimeException single) {
                    notSaved.accept(v);
                }
            }
        }
    }
}
