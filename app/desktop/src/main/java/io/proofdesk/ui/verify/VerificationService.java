package io.proofdesk.ui.verify;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.reexec.ModelLimits;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.Tolerance;
import io.proofdesk.report.MismatchOutputs;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.Page;
import io.proofdesk.store.PageKey;
import io.proofdesk.store.Store;
import io.proofdesk.verify.BatchSummary;
import io.proofdesk.verify.BatchVerification;
import io.proofdesk.verify.CancellationToken;
import io.proofdesk.verify.InferenceVerification;
import io.proofdesk.verify.ProgressListener;
import io.proofdesk.verify.ReexecutionOutcome;
import io.proofdesk.verify.RecordSelection;
import io.proofdesk.verify.Verifier;
import io.proofdesk.verify.VerifierOptions;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The desktop's door to the core verifier, for work already running in the background: re-executes one record or
 * runs a batch over the current network, saving every verdict. Keeps the last few re-execution outcomes (local and
 * claimed tensors) so the detail view can show them side by side; the store keeps only the verdicts.
 */
public final class VerificationService implements AutoCloseable {

    static final int KEPT_OUTCOMES = 16;

    private final Supplier<Store> store;
    private final VerificationEndpoints endpoints;
    private final Supplier<ModelLimits> limits;
    private SessionCache sessions;
    private boolean closed;
    private final Clock clock;
    private final int threads;
    private final Map<RecordId, ReexecutionOutcome> outcomes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RecordId, ReexecutionOutcome> eldest) {
            return size() > KEPT_OUTCOMES;
        }
    };

    /**
     * @param store the open store, or null while it is not open
     * @param limits the model limits, read when the first model is loaded (the data folder's limits.properties)
     */
    public VerificationService(Supplier<Store> store, VerificationEndpoints endpoints, Supplier<ModelLimits> limits,
                               Clock clock, int threads) {
        this.store = store;
        this.endpoints = endpoints;
        this.limits = limits;
        this.clock = clock;
        this.threads = threads;
    }

    /** Verifies one record again (re-executing it) with {@code tolerance} (null: from the claim) and saves it. */
    public InferenceVerification reexecute(RecordId id, Tolerance tolerance) throws IOException {
        Store s = openStore();
        VerificationEndpoints.Network network = network();
        Verifier verifier = new Verifier(s, network.sources(), sessions(), new VerifierOptions(tolerance, null), clock);
        InferenceVerification v = verifier.verifyAndSave(id).orElseThrow(() -> new IllegalStateException(
                "inference " + id + " is no longer in the store (a reorg may have removed it)"));
        v.reexecution().ifPresent(o -> remember(id, o));
        return v;
    }

    /** Runs a batch on {@code threads} workers; every verdict is saved as soon as it is reached. */
    public BatchRun runBatch(BatchRequest request, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        Store s = openStore();
        VerificationEndpoints.Network network = network();
        List<RecordId> ids = request.onlyNotChecked() ? notChecked(s) : request.selection().resolve(s);
        Verifier verifier = new Verifier(s, network.sources(), sessions(), VerifierOptions.defaults(), clock);
        BatchSummary summary = new BatchVerification(s, verifier, threads).run(ids, request.force(), progress, cancel);
        return new BatchRun(request, summary, verifier.environment(), network.label(), clock.instant());
    }

    /**
     * For a report's pictures: re-executes records on the current network without saving anything, a record's kept
     * outcome first (the one its detail view showed). Empty while no network is configured. Call off the FX thread.
     */
    public Optional<MismatchOutputs.Reexecutor> reexecutor() throws IOException {
        Optional<VerificationEndpoints.Network> network = endpoints.current();
        if (network.isEmpty()) {
            return Optional.empty();
        }
        Verifier verifier = new Verifier(openStore(), network.get().sources(), sessions(), VerifierOptions.defaults(),
                clock);
        return Optional.of(id -> outcome(id).filter(o -> !o.localOutputs().isEmpty())
                .or(() -> verifier.reexecute(id)));
    }

    /** The last re-execution of {@code id} in this session, if it is still kept. */
    public synchronized Optional<ReexecutionOutcome> outcome(RecordId id) {
        return Optional.ofNullable(outcomes.get(id));
    }

    private synchronized void remember(RecordId id, ReexecutionOutcome outcome) {
        outcomes.put(id, outcome);
    }

    /** Made on first use: loading ONNX Runtime has no place on the way to the first window. */
    private synchronized SessionCache sessions() {
        if (closed) {
            throw new IllegalStateException("verification has been shut down");
        }
        if (sessions == null) {
            sessions = SessionCache.withLimits(limits.get());
        }
        return sessions;
    }

    private Store openStore() {
        Store s = store.get();
        if (s == null) {
            throw new IllegalStateException("the local store is not open yet");
        }
        return s;
    }

    private VerificationEndpoints.Network network() throws IOException {
        return endpoints.current().orElseThrow(NoNetworkException::new);
    }

    private static List<RecordId> notChecked(Store s) {
        List<RecordId> ids = new ArrayList<>();
        InferenceQuery q = InferenceQuery.all().withNotChecked().sortedBy(InferenceSort.BLOCK_ASC);
        PageKey after = null;
        do {
            PageKey from = after;
            Page<Inference> page = s.read(tx -> tx.inferences().page(q, from, RecordSelection.PAGE));
            page.items().forEach(i -> ids.add(i.id()));
            after = page.next();
        } while (after != null);
        return ids;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (sessions != null) {
            sessions.close();
        }
    }
}
