package io.proofdesk.report;

import java.util.Objects;

/**
 * A model version as the registry the report's writer synced lists it, in the signed report's {@code models} table
 * (keyed by the CID the records name): the model's name and the version's name, e.g. "credit-mlp", "1.00".
 */
public record ReportModel(String name, String version) {

    public ReportModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
