package io.proofdesk.ui.models;

import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.store.InferenceDao;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.Transaction;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry as the Models view lists it: models, their versions and files, and how many stored inferences
 * name each. A record may name its model by the version's file CID (OpenGradient's modelId) or by model name and
 * version; both are counted.
 */
public final class RegistryEntries {

    public record ModelEntry(Model model, List<VersionEntry> versions, long inferences) {
        public ModelEntry {
            versions = List.copyOf(versions);
        }
    }

    public record VersionEntry(ModelVersion version, List<ModelFile> files, long inferences) {
        public VersionEntry {
            files = List.copyOf(files);
        }
    }

    private RegistryEntries() {
    }

    static List<ModelEntry> read(Transaction tx) {
        InferenceDao inferences = tx.inferences();
        List<ModelEntry> out = new ArrayList<>();
        for (Model m : tx.models().all()) {
            List<VersionEntry> versions = new ArrayList<>();
            long byCid = 0;
            for (ModelVersion v : tx.modelVersions().forModel(m.name())) {
                long cidCount = v.cid() == null || v.cid().equals(m.name()) ? 0
                        : inferences.count(InferenceQuery.all().withModel(v.cid()));
                long named = inferences.count(InferenceQuery.all().withModel(m.name()).withModelVersion(v.version()));
                byCid += cidCount;
                versions.add(new VersionEntry(v, tx.modelFiles().forVersion(m.name(), v.version()), cidCount + named));
            }
            long total = byCid + inferences.count(InferenceQuery.all().withModel(m.name()));
            out.add(new ModelEntry(m, versions, total));
        }
        return out;
    }
}
