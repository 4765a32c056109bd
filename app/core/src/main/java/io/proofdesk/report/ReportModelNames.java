package io.proofdesk.report;

import io.proofdesk.domain.ModelVersion;
import io.proofdesk.store.Transaction;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the PDF names a record's model for people: "credit-mlp 1.00", as the registry the writer synced lists the CID
 * the record names. The signed JSON keeps naming models by CID and version only (a new field would make older
 * Proofdesks read new reports as tampered), so these names are the writer's lookup, printed beside the CID on
 * mismatch pages; a CID the registry does not list is shown shortened.
 */
public record ReportModelNames(Map<String, List<ModelVersion>> byCid) {

    public ReportModelNames {
        byCid = byCid == null ? Map.of() : Map.copyOf(byCid);
    }

    public static ReportModelNames none() {
        return new ReportModelNames(Map.of());
    }

    /** The registry's versions of each CID in {@code cids}, read in {@code tx}. */
    public static ReportModelNames of(Transaction tx, Collection<String> cids) {
        Map<String, List<ModelVersion>> found = new TreeMap<>();
        for (String cid : cids) {
            if (cid != null && !found.containsKey(cid)) {
                List<ModelVersion> versions = tx.modelVersions().byCid(cid);
                if (!versions.isEmpty()) {
                    found.put(cid, versions);
                }
            }
        }
        return new ReportModelNames(found);
    }

    /** The model's name and version ("credit-mlp 1.00"), or the shortened CID and the version when unknown. */
    public String label(String cid, String version) {
        ModelVersion v = known(cid, version);
        if (v != null) {
            return v.modelName() + " " + v.version();
        }
        return shortCid(cid) + (version == null ? "" : " " + version);
    }

    /** For a record's page: name, version and the full CID ("credit-mlp, version 1.00 (CID Qm...)"). */
    public String describe(String cid, String version) {
        ModelVersion v = known(cid, version);
        if (v != null) {
            return v.modelName() + ", version " + v.version() + " (CID " + cid + ")";
        }
        return cid + (version == null ? "" : " (version " + version + ")") + " - not in the synced registry";
    }

    /** The registry's version the record names, else the first version of its CID; null if the CID is unknown. */
    private ModelVersion known(String cid, String version) {
        List<ModelVersion> versions = cid == null ? null : byCid.get(cid);
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
