package io.proofdesk.ui.verify;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.common.Tasks;
import io.proofdesk.ui.inferences.InferenceFormat;
import io.proofdesk.verify.ReexecutionOutcome;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The verification part of one inference's detail: its latest verdict as a summary and check lines, the
 * attestation document's PCRs and chain, and, after a re-execution in this session, the claimed and local outputs
 * side by side. "Re-execute" verifies the record again with the tolerance typed in atol / rtol and saves the verdict.
 */
public final class VerificationDetailViewModel {

    private record Loaded(Optional<VerdictRecord> verdict, Optional<ComparisonView> comparison,
                          Optional<Evidence> evidence) {
    }

    private final StoreAccess store;
    private final VerificationTasks tasks;
    private final BackgroundExecutor executor;
    private final ResourceBundle strings;
    private final ReadOnlyObjectWrapper<VerdictSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyObjectWrapper<Evidence> evidence = new ReadOnlyObjectWrapper<>(this, "evidence");
    private final ReadOnlyStringWrapper verdictQualifier = new ReadOnlyStringWrapper(this, "verdictQualifier", "");
    private final ObservableList<CheckRow> checks = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AttestationFacts> attestation = new ReadOnlyObjectWrapper<>(this, "attestation");
    private final ReadOnlyObjectWrapper<ComparisonView> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyStringWrapper comparisonNote = new ReadOnlyStringWrapper(this, "comparisonNote", "");
    private final StringProperty atol = new SimpleStringProperty(this, "atol", "");
    private final StringProperty rtol = new SimpleStringProperty(this, "rtol", "");
    private final ReadOnlyStringWrapper toleranceProblem = new ReadOnlyStringWrapper(this, "toleranceProblem", "");
    private final ReadOnlyBooleanWrapper reexecuting = new ReadOnlyBooleanWrapper(this, "reexecuting");
    private RecordId shown;
    private Runnable onVerdictSaved = () -> { };

    public VerificationDetailViewModel(StoreAccess store, VerificationTasks tasks, BackgroundExecutor executor,
                                       ResourceBundle strings) {
        this.store = store;
        this.tasks = tasks;
        this.executor = executor;
        this.strings = strings;
        summary.set(VerdictSummary.notChecked(strings));
        comparisonNote.set(strings.getString("verification.comparison.none"));
        atol.addListener((o, was, now) -> toleranceProblem.set(""));
        rtol.addListener((o, was, now) -> toleranceProblem.set(""));
    }

    /** Reads the record's latest verdict (and a re-execution kept from this session) in the background. */
    public void show(RecordId id) {
        if (!id.equals(shown)) {
            clear();
        }
        shown = id;
        store.read(tx -> new Loaded(tx.latestVerdict(id), tasks.service().outcome(id).flatMap(ComparisonView::of),
                        tx.inferences().find(id).map(Inference::evidence)),
                loaded -> {
                    if (id.equals(shown)) {
                        evidence.set(loaded.evidence().orElse(null));
                        apply(loaded.verdict(), loaded.comparison());
                    }
                });
    }

    private void clear() {
        summary.set(VerdictSummary.notChecked(strings));
        evidence.set(null);
        verdictQualifier.set("");
        checks.clear();
        attestation.set(null);
        comparison.set(null);
        comparisonNote.set(strings.getString("verification.comparison.none"));
    }

    private void apply(Optional<VerdictRecord> verdict, Optional<ComparisonView> view) {
        summary.set(verdict.map(v -> VerdictSummary.of(v, strings)).orElseGet(() -> VerdictSummary.notChecked(strings)));
        // a verdict never reads stronger than the chain data it rests on
        verdictQualifier.set(evidence.get() == null ? "" : InferenceFormat.evidenceQualifier(evidence.get(),
                verdict.isPresent(), strings));
        checks.setAll(verdict.map(v -> v.checks().stream().map(c -> CheckRow.of(c, strings)).toList())
                .orElse(java.util.List.of()));
        attestation.set(verdict.flatMap(v -> AttestationFacts.of(v.checks())).orElse(null));
        comparison.set(view.orElse(null));
        // without a re-execution in this session only the verdict's numbers are known (in the re-execution line)
        comparisonNote.set(view.isPresent() ? "" : strings.getString("verification.comparison.none"));
    }

    /** Verifies the shown record again with the typed tolerance; a typo is reported, not run. */
    public void reexecute() {
        RecordId id = shown;
        if (id == null || reexecuting.get()) {
            return;
        }
        ToleranceInput input = ToleranceInput.parse(atol.get(), rtol.get());
        if (input instanceof ToleranceInput.Invalid bad) {
            toleranceProblem.set(MessageFormat.format(strings.getString("verification.tolerance.invalid"),
                    bad.field(), bad.text()));
            return;
        }
        reexecuting.set(true);
        tasks.reexecute(id, input.toleranceOrNull(), v -> {
            if (!id.equals(shown)) {
                return;
            }
            Optional<ReexecutionOutcome> outcome = v.reexecution();
            // every element of every tensor is touched to build the pictures: not on the FX thread
            Tasks.create(ctx -> outcome.flatMap(ComparisonView::of)).onSuccess(view -> {
                if (id.equals(shown)) {
                    apply(Optional.of(v.verdict()), view);
                    if (view.isEmpty() && outcome.isPresent()) {
                        comparisonNote.set(MessageFormat.format(strings.getString("verification.comparison.notRun"),
                                outcome.get().line().reason()));
                    }
                    onVerdictSaved.run();
                }
            }).run(executor);
        }, () -> reexecuting.set(false));
    }

    /** Runs after a re-execution saved its verdict and it is shown (the detail re-reads the record's badge). */
    public void setOnVerdictSaved(Runnable action) {
        this.onVerdictSaved = action;
    }

    public ReadOnlyObjectProperty<VerdictSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How firmly the shown record is established on chain; null until it is read. */
    public ReadOnlyObjectProperty<Evidence> evidenceProperty() {
        return evidence.getReadOnlyProperty();
    }

    /** Said beside the verdict: "· one endpoint, not proved" for a TRUSTED record with a verdict, else empty. */
    public ReadOnlyStringProperty verdictQualifierProperty() {
        return verdictQualifier.getReadOnlyProperty();
    }

    public ObservableList<CheckRow> checks() {
        return checks;
    }

    /** Null when the verdict has no attestation line with a document (VANILLA and ZKML records, unreachable node). */
    public ReadOnlyObjectProperty<AttestationFacts> attestationProperty() {
        return attestation.getReadOnlyProperty();
    }

    /** Null until the record is re-executed in this session. */
    public ReadOnlyObjectProperty<ComparisonView> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Shown instead of the side-by-side; empty when there is one. */
    public ReadOnlyStringProperty comparisonNoteProperty() {
        return comparisonNote.getReadOnlyProperty();
    }

    public StringProperty atolProperty() {
        return atol;
    }

    public StringProperty rtolProperty() {
        return rtol;
    }

    public ReadOnlyStringProperty toleranceProblemProperty() {
        return toleranceProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reexecutingProperty() {
        return reexecuting.getReadOnlyProperty();
    }
}
