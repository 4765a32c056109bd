package io.proofdesk.ui.verify;

import io.proofdesk.domain.Evidence;
import io.proofdesk.domain.RecordId;
import io.proofdesk.ui.controls.EvidenceBadge;
import io.proofdesk.ui.controls.Icon;
import io.proofdesk.ui.controls.VerdictKind;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

/** The verification part of the inference detail: verdict banner, re-execute with tolerance, check lines, outputs. */
public final class VerificationDetailController {

    private final VerificationDetailViewModel viewModel;
    private final ResourceBundle strings;

    @FXML private HBox banner;
    @FXML private Icon bannerIcon;
    @FXML private Label bannerWord;
    @FXML private Label bannerReason;
    @FXML private Label bannerFailing;
    @FXML private Label bannerQualifier;
    @FXML private HBox evidenceLine;
    @FXML private EvidenceBadge evidenceBadge;
    @FXML private Label evidenceDetail;
    @FXML private VBox reexecuteCard;
    @FXML private VBox comparisonCard;
    @FXML private Button reexecuteButton;
    @FXML private TextField atolField;
    @FXML private TextField rtolField;
    @FXML private ProgressIndicator reexecuteProgress;
    @FXML private Label toleranceProblem;
    @FXML private VBox checkList;
    @FXML private Label checksNone;
    @FXML private Label environment;
    @FXML private Label checkedAt;
    @FXML private Label comparisonNote;
    @FXML private VBox comparisonBox;
    @FXML private AttestationPanel attestationPanel;

    public VerificationDetailController(VerificationDetailViewModel viewModel, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        viewModel.summaryProperty().addListener((o, was, now) -> showSummary(now));
        showSummary(viewModel.summaryProperty().get());
        bannerQualifier.textProperty().bind(viewModel.verdictQualifierProperty());
        visibleWhenText(bannerQualifier);
        viewModel.evidenceProperty().addListener((o, was, now) -> showEvidence(now));
        showEvidence(viewModel.evidenceProperty().get());
        viewModel.checks().addListener((ListChangeListener<CheckRow>) c -> checkList.getChildren().setAll(
                viewModel.checks().stream().map(CheckLineView::new).toList()));
        // "not verified yet" only when there is no verdict; a verdict stored without lines shows just its banner
        checksNone.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.checks()).and(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> viewModel.summaryProperty().get().kind()
                        == VerdictKind.NOT_CHECKED, viewModel.summaryProperty())));
        checksNone.managedProperty().bind(checksNone.visibleProperty());
        atolField.textProperty().bindBidirectional(viewModel.atolProperty());
        rtolField.textProperty().bindBidirectional(viewModel.rtolProperty());
        toleranceProblem.textProperty().bind(viewModel.toleranceProblemProperty());
        visibleWhenText(toleranceProblem);
        reexecuteButton.disableProperty().bind(viewModel.reexecutingProperty());
        reexecuteButton.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.reexecutingProperty())
                .then(strings.getString("verification.reexecute.running"))
                .otherwise(strings.getString("verification.reexecute")));
        reexecuteProgress.visibleProperty().bind(viewModel.reexecutingProperty());
        comparisonNote.textProperty().bind(viewModel.comparisonNoteProperty());
        visibleWhenText(comparisonNote);
        visibleWhenText(bannerReason);
        visibleWhenText(bannerFailing);
        visibleWhenText(environment);
        visibleWhenText(checkedAt);
        viewModel.comparisonProperty().addListener((o, was, now) -> showComparison(now));
        viewModel.attestationProperty().addListener((o, was, now) -> attestationPanel.show(now));
        attestationPanel.setStrings(strings);
        attestationPanel.show(null);
    }

    private static void visibleWhenText(Label label) {
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
    }

    private void showSummary(VerdictSummary s) {
        banner.getStyleClass().removeAll(Arrays.stream(VerdictKind.values()).map(VerdictKind::styleClass).toList());
        banner.getStyleClass().add(s.kind().styleClass());
        bannerIcon.setGlyph(s.kind().glyph());
        bannerWord.setText(s.word());
        bannerReason.setText(s.reason());
        bannerFailing.setText(s.failingChecks().isEmpty() ? "" : MessageFormat.format(
                strings.getString("verification.failing"), String.join(", ", s.failingChecks())));
        environment.setText(s.environment());
        checkedAt.setText(s.checkedAt());
    }

    /** "Evidence: PROVED — receipt proved against block N, linked to checkpoint C"; hidden until the record is read. */
    private void showEvidence(Evidence e) {
        evidenceLine.setVisible(e != null);
        evidenceLine.setManaged(e != null);
        if (e != null) {
            evidenceBadge.setLevel(e.level());
            evidenceBadge.setText(strings.getString(EvidenceBadge.wordKey(e.level())));
            evidenceDetail.setText(MessageFormat.format(strings.getString("verification.evidence.detail"), e.detail()));
        }
    }

    private void showComparison(ComparisonView view) {
        comparisonBox.getChildren().clear();
        if (view == null) {
            return;
        }
        view.outputs().forEach(o -> comparisonBox.getChildren().add(new OutputComparisonView(o, strings)));
        view.inputs().forEach(i -> comparisonBox.getChildren().add(OutputComparisonView.picture(
                MessageFormat.format(strings.getString("verification.comparison.input"), i.name()), i.picture(),
                strings, "input-" + i.name())));
        Label runTime = new Label(MessageFormat.format(strings.getString("verification.comparison.runTime"),
                view.runTime().toNanos() / 1000));
        runTime.getStyleClass().add("setting-help");
        comparisonBox.getChildren().add(runTime);
    }

    /**
     * Shows or hides the re-execution and comparison cards: an LLM record has no model here to run, so offering to
     * re-execute it would only produce the "not re-executable" line its checks already show.
     */
    public void showReexecution(boolean applicable) {
        for (VBox card : List.of(reexecuteCard, comparisonCard)) {
            card.setManaged(applicable);
            card.setVisible(applicable);
        }
    }

    /** Shows one record's verification; the detail calls this with the record it opens. */
    public void show(RecordId id) {
        viewModel.show(id);
    }

    public void setOnVerdictSaved(Runnable action) {
        viewModel.setOnVerdictSaved(action);
    }

    public VerificationDetailViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void reexecute() {
        viewModel.reexecute();
    }
}
