package io.proofdesk.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A verification report's content (docs/REPORTS.md, schema {@value #SCHEMA}): what was checked, on which network,
 * where, when and by whom, each record's verdict with its check lines, and ({@code models}) the names the writer's
 * synced registry gives the CIDs the records name. This is the signed part of a report file. Times are ISO-8601 UTC
 * strings and every measured number is a string, so the canonical form is exact.
 *
 * <p>Reports of schema {@value #SCHEMA_1} are still read and checked: they have no {@code models} (null here) and
 * list records in the order they were selected; their PDF is drawn as Proofdesk drew it then
 * ({@link PdfReportExporter}). Reports of {@value #SCHEMA_1} and {@value #SCHEMA_2} carry no evidence levels; their
 * records read as TRUSTED, "not recorded", and their PDFs are drawn without them.
 */
public record Report(String schema, String title, String createdAt, ReportAuditor auditor, ReportNetwork network,
                     ReportEnvironment environment, ReportSummary summary, List<ReportRecord> records,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<ReportModel>> models) {

    /** The schema this Proofdesk writes: as {@value #SCHEMA_2}, and each record carries its chain {@code evidence}. */
    public static final String SCHEMA = "proofdesk-report/3";
    /** The second schema: records mismatches first, models named ({@code models}); no evidence. */
    public static final String SCHEMA_2 = "proofdesk-report/2";
    /** The first schema: no {@code models}, records in the order they were selected. */
    public static final String SCHEMA_1 = "proofdesk-report/1";
    /** The schemas this Proofdesk reads, oldest first. */
    public static final List<String> READABLE = List.of(SCHEMA_1, SCHEMA_2, SCHEMA);

    public Report {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(auditor, "auditor");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(summary, "summary");
        records = records == null ? List.of() : List.copyOf(records);
        models = models == null ? null : models.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** The readable schemas in words: "proofdesk-report/1, proofdesk-report/2 and proofdesk-report/3". */
    public static String readableText() {
        return String.join(", ", READABLE.subList(0, READABLE.size() - 1)) + " and " + READABLE.getLast();
    }

    /**
     * Whether this is a report of the first schema (no model names; drawn as Proofdesk drew it then). Not named
     * {@code isSchema1}: Jackson would write that into the signed JSON as a property.
     */
    public boolean ofSchema1() {
        return SCHEMA_1.equals(schema);
    }

    /** Whether the report's records carry their evidence levels (schema {@value #SCHEMA} on). */
    public boolean carriesEvidence() {
        return !SCHEMA_1.equals(schema) && !SCHEMA_2.equals(schema);
    }
}
