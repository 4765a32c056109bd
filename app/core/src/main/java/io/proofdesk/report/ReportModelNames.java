package io.proofdesk.report;

import java.util.List;
import java.util.Map;

/**
 * How the PDF names a record's model, drawn only from the signed report (the page check re-draws it from the same
 * JSON, so nothing else may decide what a page says). A report of the current schema carries the writer's registry
 * names in {@code models}: "credit-mlp 1.00" in the table, name, version and full CID on a mismatch page, and a CID
 * the table does not list is shown shortened with the record's version. A report of schema
 * {@value Report#SCHEMA_1} has no names and is drawn exactly as Proofdesk drew it then: the CID as the record names
 * it in the table, "CID (version v)" on the mismatch page.
 */
final class ReportModelNames {

    private final boolean schema1;
    private final Map<String, List<ReportModel>> byCid;

    private ReportModelNames(boolean schema1, Map<String, List<ReportModel>> byCid) {
        this.schema1 = schema1;
        this.byCid = byCid;
    }

    static ReportModelNames of(Report report) {
        return new ReportModelNames(report.ofSchema1(), report.models() == null ? Map.of() : report.models());
    }

    /** For the records table: "credit-mlp 1.00", or the shortened CID and version when the report names no model. */
    String label(String cid, String version) {
        if (schema1) {
            return cid;
        }
        ReportModel m = named(cid, version);
        if (m != null) {
            return m.name() + " " + m.version();
        }
        return shortCid(cid) + (version == null ? "" : " " + version);
    }

    /** For a record's page: "credit-mlp, version 1.00 (CID Qm...)", or the CID and version when not named. */
    String describe(String cid, String version) {
        if (schema1) {
            return cid + (version == null ? "" : " (version " + version + ")");
        }
        ReportModel m = named(cid, version);
        if (m != null) {
            return m.name() + ", version " + m.version() + " (CID " + cid + ")";
        }
        return cid + (version == null ? "" : " (version " + version + ")") + " - not in the synced registry";
    }

    /** The listed version the record names, else the CID's first listed version; null if the CID is not listed. */
    private ReportModel named(String cid, String version) {
        List<ReportModel> versions = cid == null ? null : byCid.get(cid);
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        return versions.stream().filter(v -> v.version().equals(version)).findFirst().orElse(versions.getFirst());
    }

    static String shortCid(String cid) {
        if (cid == null) {
            return "-";
        }
        return cid.length() <= 16 ? cid : cid.substring(0, 8) + ".." + cid.substring(cid.length() - 6);
    }
}
