package io.proofdesk.verify;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.store.Store;
import io.proofdesk.store.Transaction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies many records on {@code threads} worker threads sharing one {@link Verifier} (so one attestation per TEE
 * and one download per model, and one ONNX Runtime session per model, whose {@code run} is thread-safe). The
 * workers verify, and save their verdicts in groups through a {@link VerdictWriter}, one worker at a time, so the
 * batch is {@code threads} threads of work; everything reached is saved before {@code run} returns, so a cancelled
 * batch keeps its work (a crash loses at most the verdicts not yet saved, within about a group window);
 * re-running skips records whose latest verdict was reached in this same environment (version, ONNX Runtime,
 * CPU, tolerance) unless {@code force}. Workers claim records a few at a time and read them in one read unit, each
 * record's facts still from one snapshot.
 */
public final class BatchVerification {

    /**
     * Records a worker claims and reads together. Small, so the last chunks still spread over the threads and a
     * cancelled batch has read little it will not verify.
     */
    static final int READ_CHUNK = 8;

    /**
     * Workers for a batch when the user names no number: four per core, at most 32. Against a network most of a
     * record's time is waiting (receipts and headers from the RPC, blobs, model files), not CPU: on a 2-core machine,
     * 12,625 records of a 100k demo network took 75.1 s on 2 workers, 50.6 s on 8 and 59.1 s on 16.
     */
    public static int defaultThreads(int cores) {
        return Math.max(1, Math.min(4 * cores, 32));
    }

    private final Store store;
    private final Verifier verifier;
    private final int threads;

    public BatchVerification(Store store, Verifier verifier, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread is needed, got " + threads);
        }
        this.store = store;
        this.verifier = verifier;
        this.threads = threads;
    }

    public BatchSummary run(List<RecordId> ids, boolean force, ProgressListener progress, CancellationToken cancel) {
        int total = ids.size();
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong verified = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong failedToRun = new AtomicLong();
        Map<Verdict, AtomicLong> verdicts = new ConcurrentHashMap<>();
        Map<String, AtomicLong> failedChecks = new ConcurrentHashMap<>();
        // counted once saved: a verdict the store refused is a record not handled, as before
        VerdictWriter writer = new VerdictWriter(store, verdict -> {
            verified.incrementAndGet();
            verdicts.computeIfAbsent(verdict.verdict(), k -> new AtomicLong()).incrementAndGet();
            verdict.failedChecks().forEach(c -> failedChecks.computeIfAbsent(c, k -> new AtomicLong()).incrementAndGet());
        }, verdict -> failedToRun.incrementAndGet());
        Runnable worker = () -> {
            int from;
            while (!cancel.isCancelled() && (from = next.getAndAdd(READ_CHUNK)) < total) {
                List<RecordId> chunk = ids.subList(from, Math.min(total, from + READ_CHUNK));
                List<Read> reads = read(chunk, force);
                prefetch(reads);
                for (int k = 0; k < chunk.size() && !cancel.isCancelled(); k++) {
                    try {
                        Read r = reads == null ? readOne(chunk.get(k), force) : reads.get(k);
                        if (r.skip()) {
                            skipped.incrementAndGet();
                        } else if (r.facts().isEmpty()) {
                            failedToRun.incrementAndGet();
                        } else {
                            writer.submit(verifier.verify(r.facts().get()).verdict());
                        }
                    } catch (RuntimeException e) {
                        failedToRun.incrementAndGet();
                    }
                    progress.progress(done.incrementAndGet(), total);
                }
            }
            // nothing left to claim: save what is waiting while the other workers finish their last records
            writer.flushIfIdle();
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, named());
        Throwable died = null;
        boolean interrupted = false;
        try {
            List<Future<?>> futures = java.util.stream.IntStream.range(0, threads).<Future<?>>mapToObj(t -> pool.submit(worker)).toList();
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        // waiting anyway: save what the workers left waiting while they wait on the network
                        f.get(VerdictWriter.GROUP_WINDOW_MS, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        writer.flushIfStale();
                    } catch (java.util.concurrent.ExecutionException e) {
                        died = e.getCause();
                        break;
                    } catch (InterruptedException e) {
                        // cancel, then still wait: workers stop after their current record, whose verdict is kept
                        interrupted = true;
                        cancel.cancel();
                    }
                }
            }
        } finally {
            pool.shutdown();
            writer.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (died != null) {
            throw new IllegalStateException("a verification worker died: " + died, died);
        }
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        verdicts.forEach((k, v) -> counts.put(k, v.get()));
        TreeMap<String, Long> failed = new TreeMap<>();
        failedChecks.forEach((k, v) -> failed.put(k, v.get()));
        return new BatchSummary(total, verified.get(), skipped.get(), failedToRun.get(), counts, failed,
                cancel.isCancelled() && done.get() < total);
    }

    /**
     * What a worker read for one record: to skip it (this environment already verified it), or its facts (empty if
     * the store has no such record).
     */
    private record Read(boolean skip, Optional<StoredFacts> facts) {
    }

    private static final Read SKIP = new Read(true, Optional.empty());

    /**
     * The records of one chunk, each as {@link #readOne} reads it, in one read unit: a unit per record cost a
     * worker more than the record's queries. Null if the unit failed; then each record is read on its own, so a
     * failure stays the failure of the record that caused it.
     */
    private List<Read> read(List<RecordId> chunk, boolean force) {
        try {
            return store.read(tx -> {
                List<Read> reads = new ArrayList<>(chunk.size());
                for (RecordId id : chunk) {
                    reads.add(read(tx, id, force));
                }
                return reads;
            });
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Has the verifier ask the chain in one round trip for what the chunk's record checks need, before they run one
     * by one; records already verified (skipped) ask for nothing. Best effort: a failure here is each record's own
     * to meet again.
     */
    private void prefetch(List<Read> reads) {
        if (reads == null) {
            return;
        }
        List<StoredFacts> facts = reads.stream().filter(r -> !r.skip()).flatMap(r -> r.facts().stream()).toList();
        if (!facts.isEmpty()) {
            try {
                verifier.prefetch(facts);
            } catch (RuntimeException e) {
                // each record asks again on its own and reports its own failure
            }
        }
    }

    private Read readOne(RecordId id, boolean force) {
        return store.read(tx -> read(tx, id, force));
    }

    /** Each record's facts come from one snapshot, as {@link Verifier#verify(RecordId)} reads them. */
    private Read read(Transaction tx, RecordId id, boolean force) {
        if (!force && alreadyVerified(tx, id)) {
            return SKIP;
        }
        return new Read(false, StoredFacts.load(tx, id));
    }

    private boolean alreadyVerified(Transaction tx, RecordId id) {
        return tx.verdicts().latest(id)
                .map(v -> v.verdict().environment().equals(verifier.environment()))
                .orElse(false);
    }

    private static ThreadFactory named() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "proofdesk-verify-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
