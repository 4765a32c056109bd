package io.proofdesk.ui.network;

import io.proofdesk.ui.common.View;
import io.proofdesk.ui.controls.ColumnWidths;
import io.proofdesk.ui.controls.EmptyState;
import io.proofdesk.ui.controls.FullTextCell;
import io.proofdesk.ui.shell.MainViewModel;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ResourceBundle;
import java.util.function.Function;

public final class NetworkController {

    private final NetworkViewModel viewModel;
    private final ResourceBundle strings;
    private final MainViewModel main;

    @FXML private VBox firstRunCard;
    @FXML private EmptyState emptyState;
    @FXML private ScrollPane content;
    @FXML private HBox demoBanner;
    @FXML private Label summary;
    @FXML private Label demoExplanation;
    @FXML private ToggleButton followToggle;
    @FXML private Button syncButton;
    @FXML private Button stopButton;
    @FXML private TableView<EndpointRow> endpointTable;
    @FXML private TableColumn<EndpointRow, String> kindColumn;
    @FXML private TableColumn<EndpointRow, String> urlColumn;
    @FXML private TableColumn<EndpointRow, String> chainColumn;
    @FXML private TableColumn<EndpointRow, String> headColumn;
    @FXML private TableColumn<EndpointRow, String> lagColumn;
    @FXML private TableColumn<EndpointRow, String> latencyColumn;
    @FXML private TableColumn<EndpointRow, EndpointRow> stateColumn;
    @FXML private TableView<NodeRow> nodeTable;
    @FXML private TableColumn<NodeRow, String> nodeUrlColumn;
    @FXML private TableColumn<NodeRow, String> teeColumn;
    @FXML private TableColumn<NodeRow, String> pcrColumn;
    @FXML private TableColumn<NodeRow, String> enabledColumn;
    @FXML private TableColumn<NodeRow, String> heartbeatColumn;
    @FXML private TableColumn<NodeRow, NodeRow> healthColumn;

    public NetworkController(NetworkViewModel viewModel, MainViewModel main, ResourceBundle strings) {
        this.viewModel = viewModel;
        this.main = main;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        firstRunCard.visibleProperty().bind(viewModel.firstRunCardProperty());
        firstRunCard.managedProperty().bind(firstRunCard.visibleProperty());
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        content.managedProperty().bind(content.visibleProperty());
        demoBanner.visibleProperty().bind(viewModel.demoProperty());
        demoBanner.managedProperty().bind(viewModel.demoProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        demoExplanation.textProperty().bind(viewModel.demoExplanationProperty());
        // EmptyState's texts are plain setters; the view-model's strings are pushed into it
        viewModel.emptyTitleProperty().subscribe(emptyState::setTitle);
        viewModel.emptyTextProperty().subscribe(emptyState::setText);
        viewModel.emptyHintProperty().subscribe(emptyState::setHint);

        syncButton.disableProperty().bind(viewModel.syncingProperty());
        stopButton.disableProperty().bind(viewModel.syncingProperty().not());
        followToggle.selectedProperty().bindBidirectional(viewModel.followProperty());
        followToggle.setVisible(viewModel.canFollow());
        followToggle.setManaged(viewModel.canFollow());
        followToggle.setTooltip(new Tooltip(strings.getString("network.follow.help")));

        endpointTable.setItems(viewModel.endpointRows());
        column(kindColumn, EndpointRow::kind);
        column(urlColumn, EndpointRow::url);
        column(chainColumn, EndpointRow::chainId);
        column(headColumn, EndpointRow::head);
        column(lagColumn, EndpointRow::lag);
        column(latencyColumn, EndpointRow::latency);
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(c -> new StateCell<>(EndpointRow::ok, EndpointRow::state));
        endpointTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        nodeTable.setItems(viewModel.nodeRows());
        column(nodeUrlColumn, NodeRow::endpoint);
        FullTextCell.install(teeColumn, NodeRow::shortTeeId, NodeRow::teeId);
        column(pcrColumn, NodeRow::pcrText);
        column(enabledColumn, NodeRow::enabled);
        column(heartbeatColumn, NodeRow::lastHeartbeat);
        healthColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        healthColumn.setCellFactory(c -> new StateCell<>(NodeRow::healthy, NodeRow::health));
        nodeTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        nodeTable.setRowFactory(t -> nodeRowWithTeeId());
        fitRows(endpointTable);
        fitRows(nodeTable);
        ColumnWidths.fit(endpointTable);
        ColumnWidths.fit(nodeTable);

        content.sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                viewModel.deactivate();
            } else if (was == null) {
                viewModel.activate();
            }
        });
        if (content.getScene() != null) {
            viewModel.activate();
        }
    }

    /** The full TEE id: in the row's tooltip, and copied by the row's context menu. */
    private TableRow<NodeRow> nodeRowWithTeeId() {
        TableRow<NodeRow> row = new TableRow<>();
        MenuItem copy = new MenuItem(strings.getString("network.node.copyTee"));
        copy.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(row.getItem().teeId());
            Clipboard.getSystemClipboard().setContent(clip);
        });
        row.itemProperty().subscribe(item -> {
            row.setTooltip(item == null ? null : new Tooltip(item.teeId()));
            row.setContextMenu(item == null ? null : new ContextMenu(copy));
        });
        return row;
    }

    @FXML
    private void auditOpenGradient() {
        viewModel.auditOpenGradient();
        main.open(View.SETTINGS);
    }

    @FXML
    private void keepDemo() {
        viewModel.keepDemo();
    }

    @FXML
    private void syncNow() {
        viewModel.syncNow();
    }

    @FXML
    private void stopSync() {
        viewModel.stopSync();
    }

    @FXML
    private void probeNow() {
        viewModel.probeNow();
    }

    /** A few endpoints and nodes: show them all, without an empty grid below. */
    private static void fitRows(TableView<?> table) {
        table.prefHeightProperty().bind(table.fixedCellSizeProperty().multiply(
                javafx.beans.binding.Bindings.max(1, javafx.beans.binding.Bindings.size(table.getItems()))).add(30));
        table.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    private static <S> void column(TableColumn<S, String> column, Function<S, String> text) {
        FullTextCell.install(column, text);
    }
}
