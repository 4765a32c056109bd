package io.proofdesk.ui.reports;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.ReportEntry;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.MismatchOutputs;
import io.proofdesk.report.ReportEnvironment;
import io.proofdesk.report.ReportItem;
import io.proofdesk.report.ReportService;
import io.proofdesk.store.Store;
import io.proofdesk.ui.common.TaskContext;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The export work behind the Reports view, run on a background thread: selects the records, gathers their verdicts
 * through {@link ReportService} in chunks (so the task panel shows progress and a cancel stops it between chunks),
 * re-executes the MISMATCH records that have no local outputs so the PDF can draw claimed against local outputs
 * ({@link MismatchOutputs}, one by one with progress and cancel), then signs and writes the files and lists them in
 * the store, exactly as {@code proofdesk report} does.
 */
public final class ReportExports {

    private static final int CHUNK = 500;

    /** Re-executions on the network the app reads from; empty while none is configured. Called off the FX thread. */
    @FunctionalInterface
    public interface Reexecution {
        Optional<MismatchOutputs.Reexecutor> current() throws IOException;
    }

    private final Supplier<Store> store;
    private final Path keyFolder;
    private final Clock clock;
    private final Reexecution reexecution;
    private final ResourceBundle strings;

    /** @param keyFolder where the auditor key lives (the data folder, as for the CLI) */
    public ReportExports(Supplier<Store> store, Path keyFolder, Clock clock, Reexecution reexecution,
                         ResourceBundle strings) {
        this.store = store;
        this.keyFolder = keyFolder;
        this.clock = clock;
        this.reexecution = reexecution;
        this.strings = strings;
    }

    public ExportOutcome export(ExportRequest request, TaskContext ctx) throws Exception {
        Store s = store.get();
        if (s == null) {
            throw new IOException("the store is not open yet");
        }
        ensureWritable(request.folder());
        ReportService service = new ReportService(s, AuditorKey.loadOrCreate(keyFolder), clock);
        ctx.progress(0, 0);
        List<RecordId> ids = ids(service, request.selection());
        List<ReportItem> items = new ArrayList<>();
        List<RecordId> missing = new ArrayList<>();
        int notVerified = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            ctx.checkCancelled();
            ReportService.Gathered g = service.gather(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            items.addAll(g.items());
            notVerified += g.notVerified().size();
            missing.addAll(g.missing());
            ctx.progress(Math.min(ids.size(), from + CHUNK), ids.size());
        }
        if (items.isEmpty()) {
            throw new NothingToReportException(ids.size(), notVerified, missing.size());
        }
        ctx.checkCancelled();
        Pictures pictures = pictures(items, ctx);
        ctx.checkCancelled();
        ctx.progress(0, 0);
        ReportService.Written w = service.write(request.title(), request.network(), ReportEnvironment.probed(),
                pictures.items(), request.jsonPath(), request.pdfPath());
        List<ReportEntry> written = w.entries();
        return new ExportOutcome(written, w.report().report().summary(), notVerified, missing, pictures.reexecuted(),
                pictures.without(), pictures.noNetwork());
    }

    private record Pictures(List<ReportItem> items, int reexecuted, int without, boolean noNetwork) {
    }

    /** The MISMATCH records re-executed for the PDF's pictures, unless no network is configured to run them on. */
    private Pictures pictures(List<ReportItem> items, TaskContext ctx) throws IOException {
        int pending = MismatchOutputs.pending(items);
        if (pending == 0) {
            return new Pictures(items, 0, 0, false);
        }
        Optional<MismatchOutputs.Reexecutor> reexecutor = reexecution.current();
        if (reexecutor.isEmpty()) {
            return new Pictures(items, 0, pending, true);
        }
        ctx.message(MessageFormat.format(strings.getString("reports.export.reexecuting"), pending));
        ctx.progress(0, pending);
        MismatchOutputs.Completed c = MismatchOutputs.complete(items, reexecutor.get(), ctx::progress,
                () -> ctx.isCancelled() || Thread.currentThread().isInterrupted());
        ctx.message("");
        return new Pictures(c.items(), c.reexecuted(), c.withoutOutputs(), false);
    }

    private static List<RecordId> ids(ReportService service, ExportSelection selection) {
        return switch (selection) {
            case ExportSelection.Matching m -> service.select(m.query());
            case ExportSelection.Ids i -> i.ids();
        };
    }

    /** Fails early with the folder named, rather than after gathering thousands of records. */
    static void ensureWritable(Path folder) throws ReportFolderException {
        try {
            Files.createDirectories(folder);
        } catch (AccessDeniedException e) {
            throw new ReportFolderException(folder, "permission denied");
        } catch (FileSystemException e) {
            throw new ReportFolderException(folder, e.getReason() != null ? e.getReason() : "it cannot be created");
        } catch (IOException e) {
            throw new ReportFolderException(folder, String.valueOf(e.getMessage()));
        }
        if (!Files.isDirectory(folder)) {
            throw new ReportFolderException(folder, "it is not a folder");
        }
        if (!Files.isWritable(folder)) {
            throw new ReportFolderException(folder, "permission denied");
        }
    }
}
