package io.proofdesk.ui.inferences;

import io.proofdesk.domain.ModelVersion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How the registry names what an inference record calls its model. Records usually name the model file's CID;
 * the registry knows which model and version that CID is, so people see "credit-mlp 2.00" rather than a hash.
 */
public final class ModelNames {

    private final Map<String, ModelVersion> byCid = new HashMap<>();
    private final List<ModelVersion> versions;

    public ModelNames(List<ModelVersion> versions) {
        this.versions = List.copyOf(versions);
        for (ModelVersion v : versions) {
            if (v.cid() != null) {
                byCid.putIfAbsent(v.cid(), v);
            }
        }
    }

    public static ModelNames none() {
        return new ModelNames(List.of());
    }

    /** "name version" for a known CID, else the record's model (shortened if it is a long id) and version. */
    public String label(String model, String version) {
        ModelVersion known = byCid.get(model);
        if (known != null) {
            return known.modelName() + " " + known.version();
        }
        String shown = InferenceFormat.shorten(model);
        return version == null ? shown : shown + " " + version;
    }

    public String label(String model) {
        return label(model, null);
    }

    /** Versions the version filter offers for a model filter value: the CID's own version, or a named model's. */
    public List<String> versionsOf(String model) {
        if (model == null) {
            return List.of();
        }
        ModelVersion known = byCid.get(model);
        if (known != null) {
            return List.of(known.version());
        }
        TreeSet<String> found = new TreeSet<>();
        versions.stream().filter(v -> v.modelName().equals(model)).forEach(v -> found.add(v.version()));
        return List.copyOf(found);
    }
}
