package io.proofdesk.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.UnknownEvent;
import io.proofdesk.domain.Verdict;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.Page;
import io.proofdesk.store.PageKey;
import io.proofdesk.store.Store;
import io.proofdesk.store.Transaction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Lists stored inferences with filters, as a table, a JSON array or CSV. Rows are read in keyset pages and written
 * as they come, so a million rows never sit in memory. The JSON fields {@code id, mode, model, tee, txHash, block,
 * timestamp, verdict, failedChecks, evidence} are a public contract (DESIGN.md section 5). A verdict of a TRUSTED
 * record is printed in the table with its weaker evidence beside it. Without filters, the logs the sync
 * kept as "unknown event version" follow the records (status field / column), so none is hidden from a listing.
 */
@Command(name = "inferences",
        description = "List the inferences in the local store, oldest block first.")
public final class InferencesCommand implements Callable<Integer> {

    private static final int PAGE = 1000;
    private static final List<String> COLUMNS = List.of("id", "mode", "model", "modelName", "modelVersion", "tee",
            "node", "settlement", "txHash", "logIndex", "leafIndex", "block", "timestamp", "verdict", "failedChecks",
            "syncNote", "evidence", "evidenceDetail");

    @Spec
    CommandSpec spec;

    // no standard -V/--version here: this command took --version for the model version before --model-version
    // existed, and scripts may still pass it
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", hidden = true, paramLabel = "V", description = "Old name of --model-version")
    void oldModelVersion(String v) {
        filters.version = v;
    }

    @Mixin
    DataDirOption data;

    @Mixin
    InferenceFilterOptions filters;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default: all)")
    Long limit;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "Print a JSON array")
        boolean json;

        @Option(names = "--csv", description = "Print CSV with a header line")
        boolean csv;
    }

    @Override
    public Integer call() throws Exception {
        if (limit != null && limit < 0) {
            throw new UserInputException("--limit must be >= 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        // read-only: a listing writes nothing, so it works on a read-only folder and beside a running sync
        Optional<Store> opened = Store.openReadOnly(data.dataDirectory());
        if (opened.isEmpty()) {
            // no store yet: the listing of an empty one (the filters are still checked)
            filters.queries(Map.of(), InferenceSort.BLOCK_ASC);
            Output sink = format.json ? new JsonOutput(out) : format.csv ? new CsvOutput(out) : new TableOutput(out);
            sink.start();
            sink.end(0, 0);
            out.flush();
            return ExitCode.VERIFIED;
        }
        try (Store store = opened.get()) {
            Map<String, ModelVersion> byCid = store.read(InferenceFilterOptions::versionsByCid);
            List<InferenceQuery> queries = filters.queries(byCid, InferenceSort.BLOCK_ASC);
            Output sink = format.json ? new JsonOutput(out) : format.csv ? new CsvOutput(out) : new TableOutput(out);
            sink.start();
            long written = 0;
            long max = limit == null ? Long.MAX_VALUE : limit;
            for (InferenceQuery q : queries) {
                PageKey after = null;
                while (written < max) {
                    PageKey from = after;
                    int n = (int) Math.min(PAGE, max - written);
                    List<Row> rows = new ArrayList<>();
                    Page<Inference> page = store.read(tx -> {
                        Page<Inference> p = tx.inferences().page(q, from, n);
                        for (Inference i : p.items()) {
                            rows.add(row(tx, i, byCid.get(i.model())));
                        }
                        return p;
                    });
                    for (Row r : rows) {
                        sink.row(r);
                    }
                    written += rows.size();
                    if (!page.hasMore()) {
                        break;
                    }
                    after = page.next();
                }
            }
            long unknown = filters.any() ? 0 : listUnknown(store, sink, max - written);
            sink.end(written, unknown);
        }
        out.flush();
        return ExitCode.VERIFIED;
    }

    /** Lists the stored logs of unknown event versions, at most {@code max}, in chain order; answers how many. */
    private static long listUnknown(Store store, Output sink, long max) throws IOException {
        long written = 0;
        long afterBlock = -1;
        long afterLog = -1;
        while (written < max) {
            int n = (int) Math.min(PAGE, max - written);
            long b = afterBlock;
            long l = afterLog;
            List<UnknownEvent> page = store.read(tx -> tx.unknownEvents().page(b, l, n));
            for (UnknownEvent e : page) {
                sink.unknown(e);
            }
            written += page.size();
            if (page.size() < n) {
                break;
            }
            afterBlock = page.getLast().blockNumber();
            afterLog = page.getLast().logIndex();
        }
        return written;
    }

    /** The CSV/table note of an unknown event: its status and what identifies the event. */
    private static String unknownNote(UnknownEvent e) {
        return UnknownEvent.STATUS + " (contract " + e.address() + ", topic0 " + e.topic0() + ")";
    }

    /** One output row: the contract fields and a few more. */
    record Row(Inference inference, ModelVersion version, List<String> failedChecks, String note) {
    }

    private static Row row(Transaction tx, Inference i, ModelVersion v) {
        List<String> failed = i.verdict() == null ? List.of() : tx.checkResults().failedInLatest(i.id());
        return new Row(i, v, failed, tx.syncNotes().find(i.id()).orElse(null));
    }

    private interface Output {
        void start() throws IOException;

        void row(Row r) throws IOException;

        void unknown(UnknownEvent e) throws IOException;

        /** {@code rows} records and {@code unknown} logs of unknown event versions were written. */
        void end(long rows, long unknown) throws IOException;
    }

    private static final class JsonOutput implements Output {
        private final JsonGenerator g;

        JsonOutput(Writer out) throws IOException {
            g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }

        @Override
        public void start() throws IOException {
            g.writeStartArray();
        }

        @Override
        public void row(Row r) throws IOException {
            Inference i = r.inference();
            g.writeStartObject();
            g.writeStringField("id", i.id().toString());
            g.writeStringField("mode", i.mode().name());
            g.writeStringField("model", i.model());
            g.writeStringField("modelName", r.version() == null ? null : r.version().modelName());
            g.writeStringField("modelVersion", i.modelVersion());
            g.writeStringField("tee", i.teeId());
            g.writeStringField("node", i.nodeUrl());
            g.writeStringField("settlement", i.settlement().name());
            g.writeStringField("txHash", i.id().txHash());
            g.writeNumberField("logIndex", i.id().logIndex());
            if (i.id().leafIndex() == null) {
                g.writeNullField("leafIndex");
            } else {
                g.writeNumberField("leafIndex", i.id().leafIndex());
            }
            g.writeNumberField("block", i.blockNumber());
            g.writeStringField("timestamp", i.timestamp().toString());
            g.writeStringField("verdict", i.verdict() == null ? null : i.verdict().name());
            g.writeArrayFieldStart("failedChecks");
            for (String c : r.failedChecks()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeStringField("syncNote", r.note());
            g.writeStringField("evidence", i.evidence().level().name());
            g.writeStringField("evidenceDetail", i.evidence().detail());
            g.writeEndObject();
        }

        /** The contract fields are there (null where a log of an unknown event has no value), plus its raw log. */
        @Override
        public void unknown(UnknownEvent e) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", e.id().toString());
            g.writeNullField("mode");
            g.writeNullField("model");
            g.writeNullField("tee");
            g.writeStringField("txHash", e.txHash());
            g.writeNumberField("logIndex", e.logIndex());
            g.writeNumberField("block", e.blockNumber());
            g.writeNullField("timestamp");
            g.writeNullField("verdict");
            g.writeArrayFieldStart("failedChecks");
            g.writeEndArray();
            g.writeStringField("status", UnknownEvent.STATUS);
            g.writeStringField("contract", e.address());
            g.writeArrayFieldStart("topics");
            for (String t : e.topics()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeStringField("data", e.data());
            // a log Proofdesk could not read is no record, so it has no evidence level
            g.writeNullField("evidence");
            g.writeEndObject();
        }

        @Override
        public void end(long rows, long unknown) throws IOException {
            g.writeEndArray();
            g.writeRaw('\n');
            g.flush();
        }
    }

    private static final class CsvOutput implements Output {
        private final PrintWriter out;

        CsvOutput(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void start() {
            out.println(String.join(",", COLUMNS));
        }

        @Override
        public void row(Row r) {
            Inference i = r.inference();
            List<String> cells = List.of(i.id().toString(), i.mode().name(), i.model(),
                    r.version() == null ? "" : r.version().modelName(), nz(i.modelVersion()), nz(i.teeId()),
                    nz(i.nodeUrl()), i.settlement().name(), i.id().txHash(), Long.toString(i.id().logIndex()),
                    i.id().leafIndex() == null ? "" : i.id().leafIndex().toString(), Long.toString(i.blockNumber()),
                    i.timestamp().toString(), i.verdict() == null ? "" : i.verdict().name(),
                    String.join(";", r.failedChecks()), nz(r.note()), i.evidence().level().name(),
                    i.evidence().detail());
            out.println(String.join(",", cells.stream().map(CsvOutput::quote).toList()));
        }

        @Override
        public void unknown(UnknownEvent e) {
            List<String> cells = List.of(e.id().toString(), "", "", "", "", "", "", "", e.txHash(),
                    Long.toString(e.logIndex()), "", Long.toString(e.blockNumber()), "", "", "", unknownNote(e), "", "");
            out.println(String.join(",", cells.stream().map(CsvOutput::quote).toList()));
        }

        /** RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes. */
        static String quote(String s) {
            return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                    ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }

        @Override
        public void end(long rows, long unknown) {
            out.flush();
        }
    }

    private static final class TableOutput implements Output {
        private final PrintWriter out;

        TableOutput(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void start() {
            out.printf("%-72s %-7s %-22s %-12s %-9s %-8s %s%n", "ID", "MODE", "MODEL", "TEE", "BLOCK", "EVIDENCE",
                    "VERDICT");
        }

        @Override
        public void row(Row r) {
            Inference i = r.inference();
            String m = r.version() == null ? i.model() : r.version().modelName() + "@" + r.version().version();
            out.printf("%-72s %-7s %-22s %-12s %-9d %-8s %s%n", i.id(), i.mode(), m,
                    i.teeId() == null ? "-" : i.teeId().substring(0, 10), i.blockNumber(), i.evidence().level(),
                    verdictText(i));
        }

        @Override
        public void unknown(UnknownEvent e) {
            out.printf("%-72s %-7s %-22s %-12s %-9d %-8s %s%n", e.id(), "-", "-", "-", e.blockNumber(), "-",
                    unknownNote(e));
        }

        @Override
        public void end(long rows, long unknown) {
            out.println(rows + " inferences" + (unknown == 0 ? "" : ", " + unknown + " logs of an "
                    + UnknownEvent.STATUS));
        }
    }

    /** The verdict, and for a TRUSTED record its weaker evidence with it ("VERIFIED (one endpoint, not proved)"). */
    static String verdictText(Inference i) {
        return i.verdict() == null ? "-" : i.evidence().qualify(i.verdict().name());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
