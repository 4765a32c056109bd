package io.proofdesk.verify;

import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.EncodedVerdict;
import io.proofdesk.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Saves a batch's verdicts many to a transaction, on the batch's own threads: a worker hands its verdict over and
 * goes on verifying, and the worker that finds a group due — {@link #MAX_GROUP} verdicts, or the oldest waiting
 * {@link #GROUP_WINDOW_MS} — saves the whole group while the others verify. One group is saved at a time (the store
 * has one writer connection). So a batch on N threads is N threads of work, verifying and saving: with a writer
 * thread of its own, "1 thread" kept about one and a half cores busy, and 2 threads measured 1.1-1.2x faster than
 * it on a 2-core machine (bench batch). A commit costs more than a small model's whole check, so verdicts
 * are never saved one per transaction; and a commit writes every page its group touched, which the verdicts of a
 * larger group share more of (the inferences' verdict indexes most), hence 1,024.
 *
 * <p>{@link #flushIfStale} lets a thread that is only waiting (the batch's caller) save a group the workers left
 * waiting, so verdicts reach the store within about two windows even while every worker waits on the network. It
 * steps in only once the oldest verdict has waited {@link #STALE_AFTER_WINDOWS} windows, which means no worker has
 * handed one over since the group was due (the next to do so would have saved it): at one window, the caller won
 * the race for the due group in some runs and not others, so "1 thread" sometimes had a second thread saving for
 * it (8,400-9,200 records/s, 1.2 cores) and sometimes not (5,500/s, 1.1 cores), from run to run.
 * {@link #close} saves whatever is still waiting, so a cancelled batch keeps every verdict it reached; a crash loses
 * at most the verdicts not yet saved, and a resumed run verifies those records again.
 */
final class VerdictWriter implements AutoCloseable {

    static final int MAX_GROUP = 1024;
    static final long GROUP_WINDOW_MS = 100;
    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(GROUP_WINDOW_MS);
    static final int STALE_AFTER_WINDOWS = 2;
    /** Waiting verdicts at which a worker stops verifying until it can save them (bounds memory). */
    private static final int BACKLOG = 4 * MAX_GROUP;

    private final Store store;
    private final Consumer<VerdictRecord> saved;
    private final Consumer<VerdictRecord> notSaved;
    private final ReentrantLock saving = new ReentrantLock();
    private final Object waitingLock = new Object();
    private List<EncodedVerdict> waiting = new ArrayList<>(MAX_GROUP);
    private long oldestWaitingSince;

    /**
     * @param saved    told of each verdict once its transaction committed (on the thread that saved it)
     * @param notSaved told of each verdict the store refused, even on its own
     */
    VerdictWriter(Store store, Consumer<VerdictRecord> saved, Consumer<VerdictRecord> notSaved) {
        this.store = store;
        this.saved = saved;
        this.notSaved = notSaved;
    }

    /**
     * Hands a verdict over, encoded on the caller's thread, and saves the waiting group here if it is due and
     * nobody else is saving; waits only if {@link #BACKLOG} verdicts are waiting (for the group being saved, not
     * interruptibly: the verdict is already handed over, and is saved either way).
     */
    void submit(VerdictRecord verdict) {
        EncodedVerdict encoded = store.encode(verdict);
        int size;
        boolean due;
        synchronized (waitingLock) {
            long now = System.nanoTime();
            if (waiting.isEmpty()) {
                oldestWaitingSince = now;
            }
            waiting.add(encoded);
            size = waiting.size();
            due = size >= MAX_GROUP || now - oldestWaitingSince >= WINDOW_NANOS;
        }
        if (size >= BACKLOG) {
            saveWaiting(true);
        } else if (due) {
            saveWaiting(false);
        }
    }

    /**
     * Saves the waiting verdicts if the oldest has waited {@link #STALE_AFTER_WINDOWS} windows (the workers are
     * not submitting) and nobody is saving; never blocks.
     */
    void flushIfStale() {
        saveIfWaitedAndFree(STALE_AFTER_WINDOWS * WINDOW_NANOS);
    }

    /**
     * Saves the waiting verdicts now, if any and nobody is saving; never blocks. For a worker that found no record
     * left to claim: the group it saves would otherwise wait for {@link #close}, which runs after the last worker,
     * on one thread while no thread verifies.
     */
    void flushIfIdle() {
        saveIfWaitedAndFree(0);
    }

    private void saveIfWaitedAndFree(long waitedNanos) {
        synchronized (waitingLock) {
            if (waiting.isEmpty() || System.nanoTime() - oldestWaitingSince < waitedNanos) {
                return;
            }
        }
        saveWaiting(false);
    }

    /** Saves whatever is waiting, one group at a time: after the group being saved if {@code wait}, else not at all. */
    private void saveWaiting(boolean wait) {
        if (wait) {
            saving.lock();
        } else if (!saving.tryLock()) {
            return;
        }
        try {
            write(takeWaiting());
        } finally {
            saving.unlock();
        }
    }

    private List<EncodedVerdict> takeWaiting() {
        synchronized (waitingLock) {
            List<EncodedVerdict> group = waiting;
            waiting = new ArrayList<>(MAX_GROUP);
            return group;
        }
    }

    /** Saves everything handed over so far; call once no worker submits any more. */
    @Override
    public void close() {
        saveWaiting(true);
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
