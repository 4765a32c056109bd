package io.proofdesk.ui.models;

import io.proofdesk.domain.Inference;
import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.RecordId;
import io.proofdesk.store.InferenceDao;
import io.proofdesk.store.InferenceQuery;
import io.proofdesk.store.InferenceSort;
import io.proofdesk.store.Transaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The registry as the Models view lists it: models, their versions and files, how many stored inferences name each
 * and where the chain first shows each version used. A record may name its model by the version's file CID
 * (OpenGradient's modelId) or by model name and version; both are counted. The registry itself is the off-chain
 * model hub, whose listing has no owner, creation time or block; the first use is the chain's own evidence of when
 * a version existed.
 */
public final class RegistryEntries {

    public record ModelEntry(Model model, List<VersionEntry> versions, long inferences) {
        public ModelEntry {
            versions = List.copyOf(versions);
        }
    }

    /** @param firstUse the earliest stored record (by block) that names this version; null if none does */
    public record VersionEntry(ModelVersion version, List<ModelFile> files, long inferences, FirstUse firstUse) {
        public VersionEntry {
            files = List.copyOf(files);
        }
    }

    /** The record, block and time in which the chain first shows a version used. */
    public record FirstUse(RecordId record, long block, Instant time) {
        static FirstUse of(Inference i) {
            return new FirstUse(i.id(), i.blockNumber(), i.timestamp());
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
                versions.add(new VersionEntry(v, tx.modelFiles().forVersion(m.name(), v.version()), cidCount + named,
                        firstUse(inferences, m.name(), v)));
            }
            long total = byCid + inferences.count(InferenceQuery.all().withModel(m.name()));
            out.add(new ModelEntry(m, versions, total));
        }
        return out;
    }

    /** One row of an index range each way (by CID, by name and version); the earlier block wins. */
    private static FirstUse firstUse(InferenceDao inferences, String model, ModelVersion v) {
        List<Inference> found = new ArrayList<>();
        if (v.cid() != null && !v.cid().equals(model)) {
            found.addAll(first(inferences, InferenceQuery.all().withModel(v.cid())));
        }
        found.addAll(first(inferences, InferenceQuery.all().withModel(model).withModelVersion(v.version())));
        return found.stream().min(Comparator.comparingLong(Inference::blockNumber)).map(FirstUse::of).orElse(null);
    }

    private static List<Inference> first(InferenceDao inferences, InferenceQuery q) {
        return inferences.page(q.sortedBy(InferenceSort.BLOCK_ASC), null, 1).items();
    }
}
