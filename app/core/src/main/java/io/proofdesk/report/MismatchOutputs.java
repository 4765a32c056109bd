package io.proofdesk.report;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.verify.ProgressListener;
import io.proofdesk.verify.ReexecutionOutcome;
import io.proofdesk.verify.Verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Gives a report's MISMATCH records their claimed and local outputs, so the PDF's mismatch pages can draw one
 * against the other: each MISMATCH record that has none yet is re-executed on this machine (the verifier's
 * re-execution check; nothing is saved). {@code proofdesk report} and the desktop's export both call this, so their
 * PDFs carry the same pictures.
 */
public final class MismatchOutputs {

    /** Re-executes one stored record; empty when it cannot (no longer stored). */
    @FunctionalInterface
    public interface Reexecutor {
        Optional<ReexecutionOutcome> reexecute(RecordId id);

        /** The verifier's re-execution check, on the network its sources read. */
        static Reexecutor of(Verifier verifier) {
            return verifier::reexecute;
        }
    }

    /**
     * The items, with outputs where a run produced them; how many records were re-executed, and how many MISMATCH
     * records still have no outputs (their model could not be fetched or run: their page says so).
     */
    public record Completed(List<ReportItem> items, int reexecuted, int withoutOutputs) {
        public Completed {
            items = List.copyOf(items);
        }
    }

    private MismatchOutputs() {
    }

    /** Whether a record's PDF page needs a run: a MISMATCH without local outputs. */
    public static boolean needsRun(ReportItem item) {
        return item.verdict().verdict() == Verdict.MISMATCH && !hasOutputs(item);
    }

    /** How many of {@code items} {@link #complete} would re-execute. */
    public static int pending(List<ReportItem> items) {
        return (int) items.stream().filter(MismatchOutputs::needsRun).count();
    }

    /**
     * Re-executes every item that {@link #needsRun}, one by one, telling {@code progress} after each.
     * @param cancelled asked before each run; when true the work stops with a {@link CancellationException}
     */
    public static Completed complete(List<ReportItem> items, Reexecutor reexecutor, ProgressListener progress,
                                     BooleanSupplier cancelled) {
        int total = pending(items);
        List<ReportItem> out = new ArrayList<>(items.size());
        int done = 0;
        int without = 0;
        for (ReportItem item : items) {
            if (!needsRun(item)) {
                out.add(item);
                continue;
            }
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            Optional<ReexecutionOutcome> run = reexecutor.reexecute(item.inference().id());
            ReportItem completed = new ReportItem(item.inference(), item.verdict(), run);
            out.add(completed);
            if (!hasOutputs(completed)) {
                without++;
            }
            progress.progress(++done, total);
        }
        return new Completed(out, done, without);
    }

    private static boolean hasOutputs(ReportItem item) {
        return item.reexecution().map(o -> !o.claimedOutputs().isEmpty() && !o.localOutputs().isEmpty())
                .orElse(false);
    }
}
