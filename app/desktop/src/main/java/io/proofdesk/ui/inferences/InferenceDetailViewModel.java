package io.proofdesk.ui.inferences;

import io.proofdesk.domain.ChatText;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.RecordId;
import io.proofdesk.store.Transaction;
import io.proofdesk.ui.common.StoreAccess;
import io.proofdesk.ui.controls.VerdictKind;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * One inference in full: its record fields, and its input and output tensors (or, for an LLM record, its request
 * and response text). Verification adds its checks
 * (in the view's {@code checksPane}); this view-model only reads what the store holds.
 */
public final class InferenceDetailViewModel {

    /** One labelled line of the record. */
    public record Field(String label, String value) {
    }

    private record Loaded(Inference inference, String modelName) {
    }

    private final StoreAccess store;
    private final ResourceBundle strings;
    private final InferenceFormat format;
    private final ReadOnlyObjectWrapper<Inference> inference = new ReadOnlyObjectWrapper<>(this, "inference");
    private final ReadOnlyObjectWrapper<VerdictKind> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyStringWrapper verdictQualifier = new ReadOnlyStringWrapper(this, "verdictQualifier", "");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<TensorSummary> inputs = FXCollections.observableArrayList();
    private final ObservableList<TensorSummary> outputs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ChatText> chat = new ReadOnlyObjectWrapper<>(this, "chat");
    private RecordId wanted;

    public InferenceDetailViewModel(StoreAccess store, ResourceBundle strings) {
        this.store = store;
        this.strings = strings;
        this.format = new InferenceFormat(strings);
    }

    /** Reads the record and its tensors in the background and shows them; a later call wins. */
    public void show(RecordId id) {
        wanted = id;
        store.read(tx -> load(tx, id), loaded -> {
            if (id.equals(wanted)) {
                apply(loaded);
            }
        });
    }

    private static Loaded load(Transaction tx, RecordId id) {
        Inference i = tx.loadInference(id).orElseThrow(() -> new IllegalStateException(
                "inference " + id + " is no longer in the store (a reorg may have removed it)"));
        List<ModelVersion> byCid = tx.modelVersions().byCid(i.model());
        return new Loaded(i, byCid.isEmpty() ? null : byCid.getFirst().modelName() + " " + byCid.getFirst().version());
    }

    private void apply(Loaded loaded) {
        Inference i = loaded.inference();
        List<Field> f = new ArrayList<>();
        add(f, "id", i.id().toString());
        add(f, "txHash", i.id().txHash());
        add(f, "block", Long.toString(i.blockNumber()));
        add(f, "time", InferenceFormat.time(i.timestamp()) + " UTC");
        add(f, "model", loaded.modelName() == null ? i.model() : loaded.modelName() + " \u00b7 " + i.model());
        add(f, "version", i.modelVersion());
        add(f, "mode", format.mode(i.mode()));
        add(f, "tee", i.teeId());
        add(f, "node", i.nodeUrl());
        add(f, "settlement", format.settlement(i.settlement()));
        add(f, "blob", i.blobId());
        add(f, "inputHash", i.inputHash());
        add(f, "outputHash", i.outputHash());
        add(f, "merkleRoot", i.merkleRoot());
        add(f, "ethAddress", i.ethAddress());
        fields.setAll(f);
        chat.set(ChatText.of(i).map(c -> new ChatText(readable(c.request()), c.response())).orElse(null));
        inputs.setAll(i.inputs().stream().map(TensorSummary::of).toList());
        outputs.setAll(i.outputs().stream().map(TensorSummary::of).toList());
        verdict.set(VerdictKind.of(i.verdict()));
        verdictQualifier.set(InferenceFormat.evidenceQualifier(i, strings));
        inference.set(i);
    }

    private void add(List<Field> f, String key, String value) {
        f.add(new Field(strings.getString("detail.field." + key), format.orNone(value)));
    }

    public ReadOnlyObjectProperty<Inference> inferenceProperty() {
        return inference.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VerdictKind> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Beside the header's verdict: "· one endpoint, not proved" for a TRUSTED record with a verdict, else empty. */
    public ReadOnlyStringProperty verdictQualifierProperty() {
        return verdictQualifier.getReadOnlyProperty();
    }

    /** An LLM record's request (indented JSON) and response text; null for any other record. */
    public ReadOnlyObjectProperty<ChatText> chatProperty() {
        return chat.getReadOnlyProperty();
    }

    /** The request as indented JSON, or as stored if it is not JSON (it may have been cut to be stored). */
    static String readable(String request) {
        try {
            return PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(PRETTY.readTree(request));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return request;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PRETTY = new com.fasterxml.jackson.databind.ObjectMapper();

    public ObservableList<Field> fields() {
        return fields;
    }

    public ObservableList<TensorSummary> inputs() {
        return inputs;
    }

    public ObservableList<TensorSummary> outputs() {
        return outputs;
    }
}
