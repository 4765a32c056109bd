package io.proofdesk.ui.reports;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.Verdict;
import io.proofdesk.report.ReportNetwork;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.ui.common.BackgroundExecutor;
import io.proofdesk.ui.common.ErrorNotices;
import io.proofdesk.ui.common.StoreEvent;
import io.proofdesk.ui.common.StoreEvents;
import io.proofdesk.ui.common.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * State of the Reports view's export panel: which records, the formats, the title, the folder and file name; runs
 * the export as a task and says in sentences what it wrote and which selected records it left out.
 */
public final class ReportExportViewModel {

    public enum Scope { ALL, VERDICT, IDS, HANDED_OVER }

    /** How the last export went, for the result line's colour and icon. */
    public enum ResultKind { NONE, WRITTEN, WRITTEN_WITH_GAPS, FAILED }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final ReportExports exports;
    private final StoreEvents events;
    private final BackgroundExecutor executor;
    private final ErrorNotices notices;
    private final Supplier<ReportNetwork> network;
    private final Clock clock;
    private final ResourceBundle strings;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.ALL);
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>(this, "verdict", Verdict.MISMATCH);
    private final StringProperty ids = new SimpleStringProperty(this, "ids", "");
    private final BooleanProperty json = new SimpleBooleanProperty(this, "json", true);
    private final BooleanProperty pdf = new SimpleBooleanProperty(this, "pdf", true);
    private final StringProperty title;
    private final StringProperty folder;
    private final StringProperty baseName = new SimpleStringProperty(this, "baseName");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper gaps = new ReadOnlyStringWrapper(this, "gaps", "");
    private final ReportHandoff handoff;
    private final ReadOnlyObjectWrapper<ResultKind> resultKind = new ReadOnlyObjectWrapper<>(this, "resultKind",
            ResultKind.NONE);

    public ReportExportViewModel(ReportExports exports, StoreEvents events, BackgroundExecutor executor,
                                 ErrorNotices notices, Supplier<ReportNetwork> network, Path defaultFolder,
                                 Clock clock, ResourceBundle strings, ReportHandoff handoff) {
        this.exports = exports;
        this.events = events;
        this.executor = executor;
        this.notices = notices;
        this.network = network;
        this.clock = clock;
        this.strings = strings;
        this.title = new SimpleStringProperty(this, "title", strings.getString("reports.export.defaultTitle"));
        this.folder = new SimpleStringProperty(this, "folder", defaultFolder.toString());
        this.handoff = handoff;
        freshName();
        // an offer made before this panel existed counts as much as one made while it is shown
        if (handoff.offerProperty().get() != null) {
            scope.set(Scope.HANDED_OVER);
        }
        handoff.offerProperty().addListener((o, was, now) -> {
            if (now != null) {
                scope.set(Scope.HANDED_OVER);
                // the last export's lines were about other records
                result.set("");
                gaps.set("");
                resultKind.set(ResultKind.NONE);
            }
        });
    }

    private void freshName() {
        baseName.set("report-" + STAMP.format(clock.instant().atZone(ZoneId.systemDefault())));
    }

    /** Starts the export; a problem with the form is said in the result line instead. Null if nothing started. */
    public Task<ExportOutcome> export() {
        ExportRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return null;
        }
        running.set(true);
        result.set(strings.getString("reports.export.running"));
        gaps.set("");
        resultKind.set(ResultKind.NONE);
        return Tasks.create(ctx -> exports.export(request, ctx))
                .titled(MessageFormat.format(strings.getString("reports.export.task"), request.baseName()))
                .announce(o -> MessageFormat.format(strings.getString("reports.export.written"), o.summary().records(),
                        o.summary().verified(), o.summary().mismatch(), o.summary().unverified(), o.summary().error()))
                .onSuccess(this::written)
                .onError(e -> fail(notices.sentence(e)))
                .onCancelled(() -> fail(strings.getString("reports.export.cancelled")))
                .andFinally(() -> running.set(false))
                .run(executor);
    }

    private ExportRequest request() {
        if (!json.get() && !pdf.get()) {
            throw new IllegalArgumentException(strings.getString("reports.export.noFormat"));
        }
        String name = baseName.get() == null ? "" : baseName.get().strip();
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException(strings.getString("reports.export.badName"));
        }
        Path dir;
        try {
            dir = Path.of(folder.get() == null ? "" : folder.get().strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(MessageFormat.format(strings.getString("reports.export.badFolder"),
                    folder.get()));
        }
        if (dir.toString().isEmpty()) {
            throw new IllegalArgumentException(strings.getString("reports.export.noFolder"));
        }
        String t = title.get() == null || title.get().isBlank() ? strings.getString("reports.export.defaultTitle")
                : title.get().strip();
        return new ExportRequest(selection(), t, dir.toAbsolutePath(), name, json.get(), pdf.get(), network.get());
    }

    private ExportSelection selection() {
        return switch (scope.get()) {
            case ALL -> new ExportSelection.Matching(InferenceQuery.all());
            case VERDICT -> new ExportSelection.Matching(InferenceQuery.all().withVerdict(verdict.get()));
            case IDS -> new ExportSelection.Ids(parseIds(ids.get()));
            case HANDED_OVER -> {
                ReportHandoff.Offer offer = handoff.offerProperty().get();
                if (offer == null) {
                    throw new IllegalArgumentException(strings.getString("reports.export.nothingHandedOver"));
                }
                yield offer.selection();
            }
        };
    }

    /** Ids separated by spaces, commas or new lines; a wrong one is named. */
    private List<RecordId> parseIds(String text) {
        List<RecordId> out = new ArrayList<>();
        for (String token : (text == null ? "" : text).split("[\\s,;]+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                out.add(RecordId.parse(token));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(MessageFormat.format(strings.getString("reports.export.badId"),
                        token));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(strings.getString("reports.export.noIds"));
        }
        return out;
    }

    private void written(ExportOutcome o) {
        List<String> lines = new ArrayList<>();
        lines.add(MessageFormat.format(strings.getString("reports.export.written"), o.summary().records(),
                o.summary().verified(), o.summary().mismatch(), o.summary().unverified(), o.summary().error()));
        if (!o.written().isEmpty()) {
            Path first = Path.of(o.written().getFirst().path());
            lines.add(MessageFormat.format(strings.getString("reports.export.files"), String.join(", ",
                    o.written().stream().map(e -> String.valueOf(Path.of(e.path()).getFileName())).toList()),
                    first.getParent()));
        }
        if (o.reexecuted() > 0) {
            lines.add(MessageFormat.format(strings.getString("reports.export.reexecuted"), o.reexecuted()));
        }
        List<String> gapLines = new ArrayList<>();
        if (o.withoutPictures() > 0) {
            gapLines.add(MessageFormat.format(strings.getString(o.noNetwork() ? "reports.export.noPictures.network"
                    : "reports.export.noPictures.failed"), o.withoutPictures()));
        }
        if (o.notVerified() > 0) {
            gapLines.add(MessageFormat.format(strings.getString("reports.export.leftOut"), o.notVerified()));
        }
        if (!o.missing().isEmpty()) {
            gapLines.add(MessageFormat.format(strings.getString("reports.export.missing"), o.missing().size(),
                    o.missing().getFirst()));
        }
        result.set(String.join("\n", lines));
        gaps.set(String.join("\n", gapLines));
        resultKind.set(gapLines.isEmpty() ? ResultKind.WRITTEN : ResultKind.WRITTEN_WITH_GAPS);
        freshName();
        events.publish(new StoreEvent.ReportsWritten(o.written().size()));
    }

    private void fail(String sentence) {
        result.set(sentence);
        gaps.set("");
        resultKind.set(ResultKind.FAILED);
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** What another view handed over for {@link Scope#HANDED_OVER}; null before any. */
    public ReadOnlyObjectProperty<ReportHandoff.Offer> handedOverProperty() {
        return handoff.offerProperty();
    }

    public ObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }

    /** Record ids for {@link Scope#IDS}, separated by spaces, commas or new lines. */
    public StringProperty idsProperty() {
        return ids;
    }

    public BooleanProperty jsonProperty() {
        return json;
    }

    public BooleanProperty pdfProperty() {
        return pdf;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    /** The file name without extension; .json and .pdf are added. */
    public StringProperty baseNameProperty() {
        return baseName;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the last export wrote, or why it failed; lines separated by new lines. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Which selected records the last export left out (no verdict yet, not in the store); empty if none. */
    public ReadOnlyStringProperty gapsProperty() {
        return gaps.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ResultKind> resultKindProperty() {
        return resultKind.getReadOnlyProperty();
    }
}
