package io.proofdesk.report;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.ReportEntry;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.Page;
import io.proofdesk.store.PageKey;
import io.proofdesk.store.Store;
import io.proofdesk.store.Transaction;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes reports from stored verdicts (what the CLI's {@code report} and the desktop's Reports view call): selects
 * records, gathers each one's latest verdict, names their models from the synced registry, signs, writes JSON and
 * PDF, and lists both in the store's reports table in one transaction.
 */
public final class ReportService {

    private static final int PAGE = 1000;
    private final Store store;
    private final AuditorKey key;
    private final Clock clock;

    public ReportService(Store store, AuditorKey key, Clock clock) {
        this.store = store;
        this.key = key;
        this.clock = clock;
    }

    /** Records found, and the selected ids the store has no record or no verdict for. */
    public record Gathered(List<ReportItem> items, List<RecordId> notVerified, List<RecordId> missing) {
    }

    /** Ids matching a query, in chain order. */
    public List<RecordId> select(InferenceQuery query) {
        InferenceQuery q = query.sortedBy(InferenceSort.BLOCK_ASC);
        List<RecordId> ids = new ArrayList<>();
        PageKey after = null;
        do {
            PageKey from = after;
            Page<Inference> page = store.read(tx -> tx.inferences().page(q, from, PAGE));
            page.items().forEach(r -> ids.add(r.id()));
            after = page.next();
        } while (after != null);
        return ids;
    }

    /**
     * Each id's stored record and latest verdict (the store keeps no local outputs: {@link MismatchOutputs} adds
     * them for the PDF's pictures).
     */
    public Gathered gather(List<RecordId> ids) {
        List<ReportItem> items = new ArrayList<>();
        List<RecordId> notVerified = new ArrayList<>();
        List<RecordId> missing = new ArrayList<>();
        for (RecordId id : ids) {
            Optional<Inference> r = store.read(tx -> tx.inferences().find(id));
            if (r.isEmpty()) {
                missing.add(id);
                continue;
            }
            Optional<VerdictRecord> v = store.read(tx -> tx.latestVerdict(id));
            if (v.isEmpty()) {
                notVerified.add(id);
                continue;
            }
            items.add(new ReportItem(r.get(), v.get(), Optional.empty()));
        }
        return new Gathered(items, notVerified, missing);
    }

    /** The signed report with the files written (either may be null to skip it), as stored in the reports table. */
    public record Written(SignedReport report, List<ReportEntry> entries) {
    }

    public Written write(String title, ReportNetwork network, ReportEnvironment environment, List<ReportItem> items,
                         Path json, Path pdf) throws IOException {
        Map<String, List<ReportModel>> models = store.read(tx -> registryModels(tx,
                items.stream().map(i -> i.inference().model()).toList()));
        Report report = new ReportBuilder().build(title, clock.instant(), key, network, environment, items, models);
        SignedReport signed = new ReportSigner(key).sign(report);
        List<ReportEntry> written = new ArrayList<>();
        if (json != null) {
            written.add(new JsonReportExporter().export(signed, json));
        }
        if (pdf != null) {
            written.add(new PdfReportExporter(key).export(signed, pdf));
        }
        List<ReportEntry> stored = store.inTransactionGet(tx -> written.stream().map(e -> tx.reports().insert(e)).toList());
        return new Written(signed, stored);
    }

    /**
     * The versions the synced registry lists for each of {@code cids} (by the version's main file CID), as the
     * report's signed {@code models} table holds them; CIDs the registry does not list are left out.
     */
    static Map<String, List<ReportModel>> registryModels(Transaction tx, Collection<String> cids) {
        Map<String, List<ReportModel>> found = new TreeMap<>();
        for (String cid : cids.stream().filter(Objects::nonNull).collect(Collectors.toSet())) {
            List<ReportModel> versions = tx.modelVersions().byCid(cid).stream()
                    .map(v -> new ReportModel(v.modelName(), v.version())).toList();
            if (!versions.isEmpty()) {
                found.put(cid, versions);
            }
        }
        return found;
    }
}
