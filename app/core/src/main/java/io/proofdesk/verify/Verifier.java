package io.proofdesk.verify;

import io.proofdesk.domain.ChatText;
import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.store.Store;
import io.proofdesk.verify.checks.AttestationCheck;
import io.proofdesk.verify.checks.CheckLines;
import io.proofdesk.verify.checks.InferenceCheck;
import io.proofdesk.verify.checks.LegacySettlementCheck;
import io.proofdesk.verify.checks.ModelCheck;
import io.proofdesk.verify.checks.RecordCheck;
import io.proofdesk.verify.checks.ReexecutionCheck;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies inferences: reads each record's facts from the store in one snapshot, runs the checks its mode calls
 * for, and reaches a verdict. One Verifier is one verification run: a TEE's attestation and a model file are
 * fetched once per run, whatever the number of records, and a receipt, a block hash or a batch blob once per run for
 * all the records it serves (while they are recent, see {@link SharedChainReader}, {@link BatchBlobs}). Safe for
 * concurrent use by several threads.
 *
 * <p>VANILLA: record, model, reexecution. ZKML: those and zk-proof. TEE: record, blob, signature, tee-status,
 * attestation, model, reexecution, and batch-inclusion for batch leaves; an LLM TEE record (its chat kept as
 * {@link ChatText}) checks its published chat instead of a blob of tensors, has no model line, and its reexecution
 * line is NOT_APPLICABLE. A check that throws is an ERROR line.
 */
public final class Verifier {

    private final Store store;
    private final VerificationSources sources;
    private final Clock clock;
    private final VerificationEnvironment environment;
    private final SharedChainReader chain;
    private final BatchBlobs batches = new BatchBlobs();
    private final BlobSource blobs;
    private final RecordCheck record;
    private final AttestationCheck attestation;
    private final ModelCheck model;
    private final ReexecutionCheck reexecution;
    private final CheckPlan plan;

    public Verifier(Store store, VerificationSources sources, SessionCache sessions, VerifierOptions options,
                    Clock clock) {
        this.store = store;
        this.sources = sources;
        this.clock = clock;
        this.blobs = new StoredCopyCheckedBlobs(store, sources.blobs());
        this.environment = EnvironmentProbe.current(options.toleranceText());
        ModelFiles files = new ModelFiles(sources.models());
        this.chain = new SharedChainReader(sources.chain());
        this.record = new RecordCheck(chain);
        this.attestation = new AttestationCheck(sources.attestations(), sources.roots(), clock,
                options.maxAttestationAge(), new SecureRandom());
        this.model = new ModelCheck(files);
        this.reexecution = new ReexecutionCheck(files, new ReexecEngine(sessions), options.tolerance());
        this.plan = new CheckPlan(record, attestation, model, reexecution, new LegacySettlementCheck(chain));
    }

    public VerificationEnvironment environment() {
        return environment;
    }

    /** Verifies one stored record (without saving the verdict); empty if the store has no such record. */
    public Optional<InferenceVerification> verify(RecordId id) {
        return store.read(tx -> StoredFacts.load(tx, id)).map(this::verify);
    }

    /**
     * Runs only the re-execution check of one stored record, saving nothing: what a report needs to draw claimed
     * against local outputs, without asking the chain or the nodes again. Empty if the store has no such record.
     */
    public Optional<ReexecutionOutcome> reexecute(RecordId id) {
        return store.read(tx -> StoredFacts.load(tx, id))
                .map(facts -> ChatText.isChat(facts.inference())
                        ? ReexecutionOutcome.without(CheckPlan.NOT_REEXECUTABLE.check(null))
                        : guardedOutcome(new RecordEvidence(facts, blobs, batches)));
    }

    /** Verifies and saves the verdict in its own transaction. */
    public Optional<InferenceVerification> verifyAndSave(RecordId id) {
        Optional<InferenceVerification> v = verify(id);
        v.ifPresent(result -> store.inTransaction(tx -> {
            tx.saveVerdict(result.verdict());
        }));
        return v;
    }

    /**
     * Asks the chain in one request for what the record checks of these records will need (receipts, then block
     * hashes), so that records about to be verified together wait on one round trip instead of one each. Optional
     * and best effort: verifying without it reaches the same verdicts.
     */
    public void prefetch(List<StoredFacts> records) {
        chain.prefetch(records.stream().map(f -> f.inference().id().txHash()).toList());
    }

    public InferenceVerification verify(StoredFacts facts) {
        RecordEvidence evidence = new RecordEvidence(facts, blobs, batches);
        List<CheckResult> lines = new ArrayList<>();
        ReexecutionOutcome outcome = null;
        for (InferenceCheck check : plan(facts.inference())) {
            if (check == reexecution) {
                outcome = guardedOutcome(evidence);
                lines.add(outcome.line());
            } else {
                lines.add(guarded(check, evidence));
            }
        }
        Verdict verdict = Verdicts.overall(lines);
        VerdictRecord v = new VerdictRecord(facts.inference().id(), verdict, Verdicts.reason(verdict, lines),
                clock.instant(), environment, lines);
        return new InferenceVerification(v, Optional.ofNullable(outcome));
    }

    /** The checks a record's mode and settlement call for, in verdict order. */
    List<InferenceCheck> plan(Inference r) {
        return plan.of(r);
    }

    private static CheckResult guarded(InferenceCheck check, RecordEvidence evidence) {
        try {
            return check.check(evidence);
        } catch (RuntimeException e) {
            return CheckLines.error(check.name(), "the check failed unexpectedly: " + e);
        }
    }

    private ReexecutionOutcome guardedOutcome(RecordEvidence evidence) {
        try {
            return reexecution.outcome(evidence);
        } catch (RuntimeException e) {
            return ReexecutionOutcome.without(CheckLines.error(reexecution.name(),
                    "the check failed unexpectedly: " + e));
        }
    }
}
