package io.proofdesk.cli;

import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.ReportEntry;
import io.proofdesk.domain.Verdict;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.report.AuditorKey;
import io.proofdesk.report.AuditorKeyException;
import io.proofdesk.report.MismatchOutputs;
import io.proofdesk.report.ReportEnvironment;
import io.proofdesk.report.ReportItem;
import io.proofdesk.report.ReportNetwork;
import io.proofdesk.report.ReportService;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.Store;
import io.proofdesk.verify.ProgressListener;
import io.proofdesk.verify.Verifier;
import io.proofdesk.verify.VerifierOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a signed JSON report, a PDF, or both, from the stored verdicts (run verify first), and "
                + "list them in the store. With endpoints, MISMATCH records are re-executed on this machine so the "
                + "PDF can draw their claimed against their local outputs.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--all", description = "Every stored record")
    boolean all;

    @Option(names = "--id", paramLabel = "ID", description = "Record id (repeatable)")
    List<String> ids;

    /** The Inferences view's filters; the records they select, as {@code proofdesk inferences} lists them. */
    @Mixin
    InferenceFilterOptions filters;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the signed JSON report to FILE (canonical "
            + "JSON signed with your auditor key; anyone can check it with check-report). Give --json, --pdf or both.")
    Path json;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Write the PDF report to FILE: a cover with the "
            + "counts, the records (mismatches first) and a page per mismatch; it carries the signed JSON inside, so "
            + "check-report checks it too.")
    Path pdf;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Verification report",
            description = "Title on the PDF's cover and in the signed report (default: ${DEFAULT-VALUE})")
    String title;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    EndpointOptions endpoints;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json == null && pdf == null) {
            throw new UserInputException("nothing to write: give --json FILE, --pdf FILE or both");
        }
        AuditorKey key;
        Path dir = dataDir.dataDirectory().ensureExists();
        try {
            key = AuditorKey.loadOrCreate(dir);
        } catch (AuditorKeyException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        ReportEnvironment env = ReportEnvironment.probed();
        try (Store store = Store.open(dataDir.dataDirectory()); SessionCache sessions = SessionCache.withLimits(
                io.proofdesk.reexec.ModelLimits.fromDataFolder(dir))) {
            EndpointOptions.Resolved network = endpoints.resolveIfKnown(store, out).orElse(null);
            ReportService service = new ReportService(store, key, Clock.systemUTC());
            List<RecordId> selected = ids(store, service);
            MismatchOutputs.Reexecutor reexec = null;
            if (network != null) {
                Verifier verifier = new Verifier(store, network.sources(), sessions, VerifierOptions.defaults(),
                        Clock.systemUTC());
                reexec = MismatchOutputs.Reexecutor.of(verifier);
            }
            ReportService.Gathered g = service.gather(selected);
            if (!g.missing().isEmpty()) {
                throw new UserInputException("the store has no record " + g.missing().getFirst()
                        + (g.missing().size() > 1 ? " (and " + (g.missing().size() - 1) + " more)" : ""));
            }
            if (g.items().isEmpty()) {
                throw new UserInputException("none of the " + selected.size() + " selected records has a verdict yet; "
                        + "run proofdesk verify first");
            }
            if (!g.notVerified().isEmpty()) {
                out.println("left out " + g.notVerified().size() + " records without a verdict (run verify first)");
            }
            List<ReportItem> items = outputs(g.items(), reexec, out);
            ReportNetwork net = network != null ? network.network() : ReportNetwork.unknown();
            ReportService.Written w = service.write(title, net, env, items, json, pdf);
            for (ReportEntry e : w.entries()) {
                out.printf("wrote %-4s %s sha256 %s%n", e.format(), e.path(), e.sha256());
            }
            out.println("report sha256 " + w.report().sha256());
            out.println("signed by " + key.fingerprint() + " (public key: " + dir.resolve(AuditorKey.PUBLIC_FILE) + ")");
            out.println("records " + w.report().report().summary().records());
            for (Verdict v : Verdict.values()) {
                out.printf("%-10s %d%n", v, w.report().report().summary().count(v));
            }
            return ExitCode.VERIFIED;
        }
    }

    /** The MISMATCH records re-executed for the PDF's pictures, as the desktop's export does; says what it did. */
    private static List<ReportItem> outputs(List<ReportItem> items, MismatchOutputs.Reexecutor reexec,
                                            PrintWriter out) {
        int pending = MismatchOutputs.pending(items);
        if (pending == 0) {
            return items;
        }
        if (reexec == null) {
            out.println(pending + (pending == 1 ? " mismatched record has" : " mismatched records have")
                    + " no claimed-vs-local pictures: without endpoints they cannot be re-executed");
            return items;
        }
        MismatchOutputs.Completed c = MismatchOutputs.complete(items, reexec, ProgressListener.none(), () -> false);
        out.println("re-executed " + c.reexecuted() + (c.reexecuted() == 1 ? " mismatched record" : " mismatched records")
                + " on this machine for the PDF's pictures"
                + (c.withoutOutputs() == 0 ? "" : "; " + c.withoutOutputs() + " could not be run (their page says why)"));
        return c.items();
    }

    /** Exactly one of --all, --id or filters; the records in chain order. */
    private List<RecordId> ids(Store store, ReportService service) {
        int given = (all ? 1 : 0) + (ids != null ? 1 : 0) + (filters.any() ? 1 : 0);
        if (given != 1) {
            throw new UserInputException("give exactly one of --all, --id ID..., or filters (--model, --verdict, "
                    + "--mode, ... as for proofdesk inferences)");
        }
        if (ids != null) {
            try {
                return ids.stream().map(RecordId::parse).toList();
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        if (all) {
            return service.select(InferenceQuery.all());
        }
        List<RecordId> out = new ArrayList<>();
        for (InferenceQuery q : filters.queries(store.read(InferenceFilterOptions::versionsByCid),
                InferenceSort.BLOCK_ASC)) {
            out.addAll(service.select(q));
        }
        return out;
    }

}
