package io.proofdesk.ui.verify;

import io.proofdesk.gateway.GatewayCheckLine;
import io.proofdesk.gateway.GatewayCheckResult;
import io.proofdesk.gateway.GatewayVerdict;
import io.proofdesk.ui.controls.VerdictBadge;
import io.proofdesk.ui.controls.VerdictKind;
import io.proofdesk.ui.reports.ReportFilePicker;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Shows a gateway response check: the verdict as badge and sentence, then the files, format, TEE, time and every
 * check line with its reasons. Stays open (it is not modal) so the request or a key file can be added and the same
 * response checked again.
 */
public final class ResponseCheckDialog {

    private final ResourceBundle strings;
    private final ResponseCheckViewModel viewModel;
    private final Supplier<ReportFilePicker> files;
    private final VerdictBadge badge = new VerdictBadge();
    private final Label sentence = new Label();
    private final TextArea lines = new TextArea();
    private Dialog<Void> dialog;

    public ResponseCheckDialog(ResourceBundle strings, ResponseCheckViewModel viewModel, Supplier<ReportFilePicker> files) {
        this.strings = strings;
        this.viewModel = viewModel;
        this.files = files;
        badge.setId("responseCheckBadge");
        sentence.setId("responseCheckSentence");
        sentence.getStyleClass().add("check-title");
        sentence.setWrapText(true);
        lines.setId("responseCheckLines");
        lines.getStyleClass().add("check-lines");
        lines.setEditable(false);
        lines.setWrapText(true);
        lines.setPrefRowCount(14);
        lines.setPrefColumnCount(90);
    }

    /** Shows the outcome, in the open dialog if there is one; FX thread. */
    public void show(Window owner, ResponseCheckViewModel.Outcome outcome) {
        if (dialog == null || dialog.getOwner() != owner) {
            dialog = build(owner);
        }
        GatewayVerdict verdict = outcome.result().verdict();
        VerdictKind kind = switch (verdict) {
            case VALID -> VerdictKind.VERIFIED;
            case INVALID -> VerdictKind.MISMATCH;
            case CANNOT_CHECK -> VerdictKind.UNVERIFIED;
            case UNREADABLE -> VerdictKind.ERROR;
        };
        badge.setKind(kind);
        badge.setText(strings.getString("responseCheck.verdict." + verdict.name()));
        sentence.setText(strings.getString("responseCheck.sentence." + verdict.name()));
        lines.setText(String.join("\n", lines(outcome)));
        if (!dialog.isShowing()) {
            dialog.show();
        }
    }

    /** The dialog, for tests; null before the first outcome. */
    Dialog<Void> dialog() {
        return dialog;
    }

    List<String> lines(ResponseCheckViewModel.Outcome o) {
        GatewayCheckResult r = o.result();
        List<String> out = new ArrayList<>();
        out.add(format("responseCheck.line.response", o.response()));
        if (o.request() != null) {
            out.add(format("responseCheck.line.request", o.request()));
        }
        out.add(o.key() != null ? format("responseCheck.line.keyFile", o.key())
                : strings.getString("responseCheck.line.keyRegistry"));
        if (r.format() != null) {
            out.add(format("responseCheck.line.format", r.format().description()));
        }
        if (!r.lines().isEmpty()) {
            out.add(format("responseCheck.line.tee", r.teeId() == null ? strings.getString("responseCheck.line.noTee")
                    : r.teeId()));
            out.add(format("responseCheck.line.time", r.timestamp()));
        }
        for (Map.Entry<String, GatewayCheckLine> line : r.lines().entrySet()) {
            out.add(format("responseCheck.check." + line.getKey(),
                    strings.getString("responseCheck.status." + line.getValue().status().name()),
                    line.getValue().text()));
        }
        r.reasons().forEach(reason -> out.add(format("responseCheck.line.reason", reason)));
        return out;
    }

    private Dialog<Void> build(Window owner) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.NONE);
        d.setTitle(strings.getString("responseCheck.title"));
        d.setResizable(true);
        if (owner != null && owner.getScene() != null) {
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        ButtonType request = new ButtonType(strings.getString("responseCheck.addRequest"), ButtonBar.ButtonData.LEFT);
        ButtonType key = new ButtonType(strings.getString("responseCheck.useKey"), ButtonBar.ButtonData.LEFT);
        ButtonType close = new ButtonType(strings.getString("responseCheck.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().addAll(request, key, close);
        keepOpen(d, request, "responseCheck.requestChooser", "responseCheck.requestFilter", List.of("*.json"),
                viewModel::addRequest);
        keepOpen(d, key, "responseCheck.keyChooser", "responseCheck.keyFilter", List.of("*.pem", "*.der", "*.crt"),
                viewModel::useKey);
        HBox head = new HBox(10, badge, sentence);
        head.getStyleClass().add("check-head");
        VBox content = new VBox(10, head, lines);
        content.getStyleClass().add("check-panel");
        d.getDialogPane().setContent(content);
        d.getDialogPane().setId("responseCheckDialog");
        return d;
    }

    /** A button that picks a file and checks again, leaving the dialog open. */
    private void keepOpen(Dialog<Void> d, ButtonType type, String titleKey, String filterKey, List<String> patterns,
                          Consumer<Path> then) {
        Button button = (Button) d.getDialogPane().lookupButton(type);
        button.disableProperty().bind(viewModel.checkingProperty());
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            Path picked = files.get().open(d.getDialogPane().getScene().getWindow(), strings.getString(titleKey), null,
                    strings.getString(filterKey), patterns);
            if (picked != null) {
                then.accept(picked);
            }
        });
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(strings.getString(key), args);
    }
}
