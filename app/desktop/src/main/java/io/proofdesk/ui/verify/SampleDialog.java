package io.proofdesk.ui.verify;

import io.proofdesk.verify.RecordSelection;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Asks how large a sample to verify: N per model or per node, the seed that picks it, and whether records this
 * environment already verified are verified again (else a batch skips them, and a sample drawn again with the same
 * seed skips everything).
 */
public final class SampleDialog {

    static final int DEFAULT_PER_GROUP = 5;
    static final int MAX_PER_GROUP = 100_000;

    private final ResourceBundle strings;

    public SampleDialog(ResourceBundle strings) {
        this.strings = strings;
    }

    /** Shows the dialog and waits; empty if the user cancels. */
    public Optional<BatchRequest> ask(Window owner) {
        return dialog(owner).showAndWait();
    }

    /** The dialog, not shown yet; its result is the request. */
    Dialog<BatchRequest> dialog(Window owner) {
        Dialog<BatchRequest> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(strings.getString("verify.sample.title"));
        dialog.setHeaderText(strings.getString("verify.sample.header"));
        ButtonType run = new ButtonType(strings.getString("verify.sample.run"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(run, ButtonType.CANCEL);
        Spinner<Integer> count = new Spinner<>(1, MAX_PER_GROUP, DEFAULT_PER_GROUP);
        count.setEditable(true);
        count.setId("sampleCount");
        ToggleGroup by = new ToggleGroup();
        RadioButton model = new RadioButton(strings.getString("verify.sample.byModel"));
        RadioButton node = new RadioButton(strings.getString("verify.sample.byNode"));
        model.setToggleGroup(by);
        node.setToggleGroup(by);
        model.setSelected(true);
        TextField seed = new TextField("1");
        seed.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().matches("\\d{0,18}") ? c : null));
        CheckBox reverify = new CheckBox(strings.getString("verify.sample.reverify"));
        reverify.setId("sampleReverify");
        reverify.setTooltip(new Tooltip(strings.getString("verify.sample.reverify.help")));
        GridPane grid = new GridPane();
        grid.getStyleClass().add("dialog-grid");
        grid.addRow(0, new Label(strings.getString("verify.sample.count")), count);
        grid.addRow(1, new Label(strings.getString("verify.sample.by")), new HBox(12, model, node));
        grid.addRow(2, new Label(strings.getString("verify.sample.seed")), seed);
        grid.add(reverify, 1, 3);
        dialog.getDialogPane().setContent(grid);
        dialog.setResultConverter(button -> button != run ? null : BatchRequest.sample(count.getValue(),
                node.isSelected() ? RecordSelection.SampleGroup.NODE : RecordSelection.SampleGroup.MODEL,
                seed.getText().isEmpty() ? 1 : Long.parseLong(seed.getText()), reverify.isSelected()));
        return dialog;
    }
}
