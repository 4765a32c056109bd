package io.proofdesk.ui.verify;

import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The node's attestation document as the attestation line saw it: node, module and time, the root the chain ended
 * in, the PCRs, and the certificate chain leaf first. Hidden when the verdict has no attestation line. Usable in FXML.
 */
public final class AttestationPanel extends VBox {

    private final Label title = new Label();
    private final Label document = new Label();
    private final Label anchor = new Label();
    private final Label pcrTitle = new Label();
    private final GridPane pcrs = new GridPane();
    private final Label chainTitle = new Label();
    private final GridPane chain = new GridPane();
    private ResourceBundle strings;

    public AttestationPanel() {
        getStyleClass().addAll("card", "attestation-panel");
        setId("attestationPanel");
        title.getStyleClass().add("card-title");
        document.getStyleClass().add("setting-help");
        document.setWrapText(true);
        anchor.getStyleClass().add("attestation-anchor");
        anchor.setWrapText(true);
        pcrTitle.getStyleClass().add("sub-title");
        chainTitle.getStyleClass().add("sub-title");
        for (GridPane grid : new GridPane[] {pcrs, chain}) {
            grid.getStyleClass().add("field-grid");
            ColumnConstraints label = new ColumnConstraints();
            label.setMinWidth(90);
            grid.getColumnConstraints().add(label);
        }
        getChildren().addAll(title, document, anchor, pcrTitle, pcrs, chainTitle, chain);
    }

    public void setStrings(ResourceBundle strings) {
        this.strings = strings;
        title.setText(strings.getString("verification.attestation"));
        pcrTitle.setText(strings.getString("verification.attestation.pcrs"));
        chainTitle.setText(strings.getString("verification.attestation.chain"));
    }

    /** Null hides the panel. */
    public void show(AttestationFacts facts) {
        setVisible(facts != null);
        setManaged(facts != null);
        pcrs.getChildren().clear();
        chain.getChildren().clear();
        if (facts == null) {
            return;
        }
        String none = strings.getString("common.none");
        document.setText(MessageFormat.format(strings.getString("verification.attestation.document"),
                or(facts.node(), none), or(facts.moduleId(), none), or(facts.documentTime(), none)));
        anchor.setText(facts.trustAnchor() == null ? strings.getString("verification.attestation.noAnchor")
                : MessageFormat.format(strings.getString("verification.attestation.anchor"), facts.trustAnchor()));
        int row = 0;
        for (AttestationFacts.Pcr p : facts.pcrs()) {
            pcrs.addRow(row++, label("PCR" + p.index(), "field-label"), label(p.hex(), "field-value"));
        }
        row = 0;
        for (int i = 0; i < facts.chain().size(); i++) {
            AttestationFacts.Certificate c = facts.chain().get(i);
            Label detail = label(MessageFormat.format(strings.getString("verification.attestation.cert"),
                    c.subject(), c.issuer(), c.validity(), c.sha256()), "field-value");
            chain.addRow(row++, label(Integer.toString(i), "field-label"), detail);
        }
        pcrTitle.setVisible(!facts.pcrs().isEmpty());
        pcrTitle.setManaged(!facts.pcrs().isEmpty());
        chainTitle.setVisible(!facts.chain().isEmpty());
        chainTitle.setManaged(!facts.chain().isEmpty());
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }

    private static String or(String value, String none) {
        return value == null || value.isBlank() || "null".equals(value) ? none : value;
    }
}
