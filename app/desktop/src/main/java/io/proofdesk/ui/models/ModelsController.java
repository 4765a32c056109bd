package io.proofdesk.ui.models;

import io.proofdesk.domain.ModelFile;
import io.proofdesk.ui.controls.ColumnWidths;
import io.proofdesk.ui.controls.EmptyState;
import io.proofdesk.ui.controls.FullTextCell;
import io.proofdesk.ui.models.RegistryEntries.ModelEntry;
import io.proofdesk.ui.models.RegistryEntries.VersionEntry;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Function;

public final class ModelsController {

    private final ModelsViewModel viewModel;
    private final ResourceBundle strings;
    private final RegistryCells cells;

    @FXML private EmptyState emptyState;
    @FXML private HBox content;
    @FXML private ListView<ModelEntry> modelList;
    @FXML private Label modelName;
    @FXML private Label modelMeta;
    @FXML private Label modelDescription;
    @FXML private Label filesTitle;
    @FXML private TableView<VersionEntry> versionTable;
    @FXML private TableColumn<VersionEntry, String> versionColumn;
    @FXML private TableColumn<VersionEntry, String> cidColumn;
    @FXML private TableColumn<VersionEntry, String> createdColumn;
    @FXML private TableColumn<VersionEntry, String> blockColumn;
    @FXML private TableColumn<VersionEntry, String> countColumn;
    @FXML private TableView<ModelFile> fileTable;
    @FXML private TableColumn<ModelFile, String> fileNameColumn;
    @FXML private TableColumn<ModelFile, String> fileCidColumn;
    @FXML private TableColumn<ModelFile, String> shaColumn;
    @FXML private TableColumn<ModelFile, String> sizeColumn;
    @FXML private TableColumn<ModelFile, String> inputColumn;
    @FXML private TableColumn<ModelFile, String> outputColumn;

    public ModelsController(ModelsViewModel viewModel, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.strings = strings;
        this.cells = new RegistryCells(strings);
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        content.managedProperty().bind(content.visibleProperty());

        modelList.setItems(viewModel.models());
        modelList.setCellFactory(l -> new ModelCell());
        modelList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.selectedModelProperty().set(now);
            }
        });
        viewModel.selectedModelProperty().addListener((o, was, now) -> showModel(now));

        versionTable.setItems(viewModel.versions());
        column(versionColumn, v -> v.version().version());
        column(cidColumn, v -> dash(v.version().cid()));
        explained(createdColumn, cells::created);
        explained(blockColumn, cells::firstUse);
        column(countColumn, v -> MessageFormat.format("{0,number,integer}", v.inferences()));
        versionTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        versionTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.selectedVersionProperty().set(now);
            }
        });
        viewModel.selectedVersionProperty().addListener((o, was, now) -> showVersion(now));

        fileTable.setItems(viewModel.files());
        column(fileNameColumn, ModelFile::fileName);
        column(fileCidColumn, ModelFile::cid);
        column(shaColumn, f -> dash(f.sha256()));
        column(sizeColumn, f -> MessageFormat.format(strings.getString("models.file.bytes"), f.sizeBytes()));
        column(inputColumn, f -> dash(f.inputSignatureJson()));
        column(outputColumn, f -> dash(f.outputSignatureJson()));
        fileTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        fitRows(versionTable);
        fitRows(fileTable);
        ColumnWidths.fit(versionTable);
        ColumnWidths.fit(fileTable);

        content.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                viewModel.deactivate();
            } else if (was == null) {
                viewModel.activate();
            }
        });
    }

    private void showModel(ModelEntry m) {
        if (m == null) {
            return;
        }
        modelList.getSelectionModel().select(m);
        modelName.setText(m.model().name());
        RegistryCells.Shown owner = cells.owner(m.model());
        modelMeta.setText(MessageFormat.format(strings.getString("models.meta"), owner.text(),
                m.versions().size(), m.inferences()));
        modelMeta.setTooltip(owner.tooltip() == null ? null : new Tooltip(owner.tooltip()));
        modelDescription.setText(m.model().description() == null ? "" : m.model().description());
    }

    private void showVersion(VersionEntry v) {
        if (v != null) {
            versionTable.getSelectionModel().select(v);
        }
        filesTitle.setText(v == null ? strings.getString("models.files")
                : MessageFormat.format(strings.getString("models.filesOf"), v.version().version()));
    }

    /** Registries list a few versions and files each: show them all, without an empty grid below. */
    private static void fitRows(TableView<?> table) {
        table.prefHeightProperty().bind(table.fixedCellSizeProperty().multiply(
                javafx.beans.binding.Bindings.max(1, javafx.beans.binding.Bindings.size(table.getItems()))).add(30));
        table.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    private String dash(String value) {
        return value == null || value.isBlank() ? strings.getString("common.none") : value;
    }

    private static <S> void column(TableColumn<S, String> column, Function<S, String> text) {
        // long hashes and signatures are cut in the cell; hovering shows the whole value
        FullTextCell.install(column, text);
    }

    /** A column whose cells carry their own explanation (why a fact is unknown, where it comes from). */
    private static <S> void explained(TableColumn<S, String> column, Function<S, RegistryCells.Shown> shown) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(shown.apply(c.getValue()).text()));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                int i = getIndex();
                S row = empty || i < 0 || i >= getTableView().getItems().size() ? null : getTableView().getItems().get(i);
                RegistryCells.Shown s = row == null ? null : shown.apply(row);
                setText(s == null ? null : s.text());
                setTooltip(s == null || s.tooltip() == null ? null : new Tooltip(s.tooltip()));
            }
        });
    }

    /** A model in the list: its name, and how many versions and inferences it has. */
    private final class ModelCell extends ListCell<ModelEntry> {
        private final Label name = new Label();
        private final Label meta = new Label();
        private final VBox box = new VBox(name, meta);

        ModelCell() {
            name.getStyleClass().add("model-cell-name");
            meta.getStyleClass().add("model-cell-meta");
            box.getStyleClass().add("model-cell");
        }

        @Override
        protected void updateItem(ModelEntry m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                return;
            }
            name.setText(m.model().name());
            meta.setText(MessageFormat.format(strings.getString("models.cell"), m.versions().size(), m.inferences()));
            setGraphic(box);
        }
    }
}
