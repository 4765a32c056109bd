package io.proofdesk.ui.inferences;

import io.proofdesk.domain.ChatText;
import io.proofdesk.domain.RecordId;
import io.proofdesk.ui.controls.ColumnWidths;
import io.proofdesk.ui.controls.FullTextCell;
import io.proofdesk.ui.controls.VerdictBadge;
import io.proofdesk.ui.verify.VerificationDetailController;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

/** One inference in full: its verification (verdict, checks, claimed vs local) first, then the record and tensors. */
public final class InferenceDetailController {

    private final InferenceDetailViewModel viewModel;
    private final ResourceBundle strings;
    /** Leave a record the way a browser leaves a page: Escape, or Alt+Left. */
    private static final List<KeyCombination> BACK_KEYS = List.of(new KeyCodeCombination(KeyCode.ESCAPE),
            new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN));

    private Runnable onBack = () -> { };

    @FXML private ScrollPane page;
    @FXML private TextField idField;
    @FXML private VerdictBadge verdictBadge;
    @FXML private Label verdictQualifier;
    @FXML private GridPane fieldGrid;
    @FXML private TableView<TensorSummary> inputTable;
    @FXML private TableView<TensorSummary> outputTable;
    @FXML private VBox checksPane;
    @FXML private VBox chatCard;
    @FXML private VBox tensorRow;
    @FXML private TextArea chatRequest;
    @FXML private TextArea chatResponse;
    @FXML private VerificationDetailController verificationController;
    private RecordId shown;

    public InferenceDetailController(InferenceDetailViewModel viewModel, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        // a filter, so the back keys work wherever focus sits in the record (its tables, the id field)
        page.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (BACK_KEYS.stream().anyMatch(k -> k.match(e))) {
                e.consume();
                onBack.run();
            }
        });
        tensorTable(inputTable, viewModel.inputs());
        tensorTable(outputTable, viewModel.outputs());
        viewModel.fields().addListener((ListChangeListener<InferenceDetailViewModel.Field>) c -> showFields());
        viewModel.inferenceProperty().addListener((o, was, now) ->
                idField.setText(now == null ? "" : now.id().toString()));
        // a re-execution saved a new verdict: the header's badge reads it from the record
        verificationController.setOnVerdictSaved(() -> {
            if (shown != null) {
                viewModel.show(shown);
            }
        });
        viewModel.chatProperty().addListener((o, was, now) -> showChat(now));
        verdictQualifier.textProperty().bind(viewModel.verdictQualifierProperty());
        verdictQualifier.managedProperty().bind(verdictQualifier.textProperty().isNotEmpty());
        verdictQualifier.visibleProperty().bind(verdictQualifier.managedProperty());
        viewModel.verdictProperty().addListener((o, was, now) -> {
            verdictBadge.setKind(now);
            verdictBadge.setText(now == null ? "" : strings.getString(now.wordKey()));
        });
    }

    private static void tensorTable(TableView<TensorSummary> table, javafx.collections.ObservableList<TensorSummary> rows) {
        List<Function<TensorSummary, String>> parts = List.of(TensorSummary::name, TensorSummary::dtype,
                TensorSummary::shape, TensorSummary::firstValues);
        for (int i = 0; i < parts.size(); i++) {
            Function<TensorSummary, String> part = parts.get(i);
            @SuppressWarnings("unchecked")
            TableColumn<TensorSummary, String> column = (TableColumn<TensorSummary, String>) table.getColumns().get(i);
            FullTextCell.install(column, part);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ColumnWidths.fit(table);
        table.setItems(rows);
        // tall enough for every tensor without a scroll bar of its own, up to a few
        table.prefHeightProperty().bind(table.fixedCellSizeProperty().multiply(
                javafx.beans.binding.Bindings.max(1, javafx.beans.binding.Bindings.size(rows))).add(30));
    }

    /** An LLM record shows its request and response text in place of the tensor tables. */
    private void showChat(ChatText chat) {
        boolean llm = chat != null;
        chatCard.setManaged(llm);
        chatCard.setVisible(llm);
        tensorRow.setManaged(!llm);
        tensorRow.setVisible(!llm);
        verificationController.showReexecution(!llm);
        chatRequest.setText(llm ? chat.request() : "");
        chatResponse.setText(llm ? chat.response() : "");
    }

    private void showFields() {
        fieldGrid.getChildren().clear();
        int row = 0;
        for (InferenceDetailViewModel.Field f : viewModel.fields()) {
            Label name = new Label(f.label());
            name.getStyleClass().add("field-label");
            Label value = new Label(f.value());
            value.getStyleClass().add("field-value");
            fieldGrid.addRow(row++, name, value);
        }
    }

    /** Shows one record; the list view calls this when a row is opened. */
    public void show(RecordId id) {
        shown = id;
        viewModel.show(id);
        verificationController.show(id);
    }

    public void setOnBack(Runnable onBack) {
        this.onBack = onBack;
    }

    /** Where the verification part sits (verdict banner, checks, claimed vs local output). */
    public VBox checksPane() {
        return checksPane;
    }

    public VerificationDetailController verification() {
        return verificationController;
    }

    public InferenceDetailViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void back() {
        onBack.run();
    }
}
