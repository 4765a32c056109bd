package io.proofdesk.report;

import io.proofdesk.domain.CheckResult;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.domain.VerificationEnvironment;
import io.proofdesk.verify.ReexecutionOutcome;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns records and their verdicts into a {@link Report}; times are cut to milliseconds, numbers become text.
 * Records are listed mismatches first, then errors, unverified and verified ones, each group in chain order (block,
 * log index, leaf), whatever order the records were given in (ids typed or selected by hand), so the JSON's record
 * n is the PDF's row n, a reader meets the problems first, and the order the PDF states is true. The registry's
 * names for the CIDs the records name go into the signed {@code models} table, so the PDF can name models from the
 * signed content alone.
 */
public final class ReportBuilder {

    /** The order of verdict groups in a report. */
    static final List<Verdict> ORDER = List.of(Verdict.MISMATCH, Verdict.ERROR, Verdict.UNVERIFIED, Verdict.VERIFIED);
    private static final Comparator<ReportItem> CHAIN_ORDER = Comparator
            .comparingLong((ReportItem i) -> i.inference().blockNumber())
            .thenComparingLong(i -> i.inference().id().logIndex())
            .thenComparing(i -> i.inference().id().leafIndex(), Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * @param models the writer's registry versions of CIDs (see {@link ReportService#registryModels}); only the CIDs
     *               the records name are kept
     */
    public Report build(String title, Instant createdAt, AuditorKey key, ReportNetwork network,
                        ReportEnvironment environment, List<ReportItem> items, Map<String, List<ReportModel>> models) {
        List<ReportItem> chainOrder = new ArrayList<>(items);
        chainOrder.sort(CHAIN_ORDER);
        List<ReportRecord> records = new ArrayList<>(items.size());
        for (Verdict group : ORDER) {
            for (ReportItem item : chainOrder) {
                if (item.verdict().verdict() == group) {
                    records.add(record(item));
                }
            }
        }
        ReportAuditor auditor = new ReportAuditor(Base64.getEncoder().encodeToString(key.publicKeyDer()),
                key.fingerprint());
        Map<String, List<ReportModel>> named = new TreeMap<>();
        for (ReportRecord r : records) {
            List<ReportModel> versions = models.get(r.model());
            if (versions != null && !versions.isEmpty()) {
                named.put(r.model(), versions);
            }
        }
        return new Report(Report.SCHEMA, title, time(createdAt), auditor, network, environment,
                ReportSummary.of(records), records, named);
    }

    static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static ReportRecord record(ReportItem item) {
        Inference r = item.inference();
        VerdictRecord v = item.verdict();
        VerificationEnvironment env = v.environment();
        List<ReportCheckLine> checks = v.checks().stream().map(ReportBuilder::line).toList();
        ReportOutputs outputs = item.reexecution().flatMap(ReportBuilder::outputs).orElse(null);
        return new ReportRecord(r.id().toString(), r.id().txHash(), r.id().logIndex(), r.id().leafIndex(),
                r.blockNumber(), time(r.timestamp()), r.mode().name(), r.settlement().name(), r.model(),
                r.modelVersion(), r.teeId(), r.nodeUrl(), v.verdict().name(), v.reason(), time(v.checkedAt()),
                env.tolerance(), new ReportRecord.VerifiedWith(env.proofdeskVersion(), env.ortVersion(), env.os(),
                env.cpu()), checks, outputs, ReportEvidence.of(r.evidence()));
    }

    private static ReportCheckLine line(CheckResult c) {
        return new ReportCheckLine(c.name(), c.status().name(), c.reason(), c.details());
    }

    private static Optional<ReportOutputs> outputs(ReexecutionOutcome o) {
        if (o.claimedOutputs().isEmpty() || o.localOutputs().isEmpty()) {
            return Optional.empty();
        }
        List<ReportOutputs.Pair> pairs = new ArrayList<>();
        for (Tensor claimed : o.claimedOutputs()) {
            Tensor local = o.localOutputs().stream().filter(t -> t.name().equals(claimed.name())).findFirst()
                    .orElse(null);
            List<Long> shape = new ArrayList<>();
            for (long d : claimed.shape()) {
                shape.add(d);
            }
            pairs.add(new ReportOutputs.Pair(claimed.name(), shape, claimed.size(), values(claimed),
                    local == null ? List.of() : values(local)));
        }
        return Optional.of(new ReportOutputs(pairs));
    }

    /** The first elements as the shortest decimal text of their own type (float32 values as floats). */
    static List<String> values(Tensor t) {
        int n = Math.min(t.size(), ReportOutputs.MAX_ELEMENTS);
        List<String> out = new ArrayList<>(n);
        if (t.type() == DType.STRING) {
            return List.copyOf(t.strings().subList(0, n));
        }
        if (t.type() == DType.FLOAT) {
            float[] f = t.toFloats();
            for (int i = 0; i < n; i++) {
                out.add(Float.toString(f[i]));
            }
            return out;
        }
        double[] d = t.toDoubles();
        for (int i = 0; i < n; i++) {
            out.add(t.type() == DType.DOUBLE ? Double.toString(d[i]) : Long.toString((long) d[i]));
        }
        return out;
    }
}
