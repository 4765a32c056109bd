package io.proofdesk.devnet.seed;

import io.proofdesk.devnet.hub.HostedModelFile;
import io.proofdesk.devnet.models.ModelZoo;
import io.proofdesk.devnet.models.ZooModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The models the demo hub lists: every zoo model as it is, plus one labelled tampered version whose hub entry
 * names one build's CID and SHA-256 while the file store serves another build's bytes (the "model-cid-mismatch"
 * fault). Only dishonest records use that version.
 */
public final class DevnetModels {

    public static final String TAMPERED_MODEL = "price-regressor";
    public static final String TAMPERED_VERSION = "1.01";
    /** The zoo version whose architecture (and sample inputs) the tampered version shares. */
    static final String TAMPERED_BASE_VERSION = "1.00";

    private final ModelZoo zoo;
    private final List<HostedModelFile> hosted = new ArrayList<>();
    private final Map<String, String> cidById = new HashMap<>();
    private final Map<String, String> swaps = new HashMap<>();

    public DevnetModels(ModelZoo zoo) {
        this.zoo = zoo;
        for (ZooModel m : zoo.models()) {
            hosted.add(new HostedModelFile(m.name(), m.description(), m.version(), "model.onnx", m.cid().toString(),
                    m.sha256(), m.size(), m.bytes()));
            cidById.put(m.id(), m.cid().toString());
        }
        ZooModel registered = zoo.variant(TAMPERED_MODEL, TAMPERED_VERSION, zoo.seed() ^ 0x5EED_0101L);
        ZooModel served = zoo.variant(TAMPERED_MODEL, TAMPERED_VERSION, zoo.seed() ^ 0x0BAD_0101L);
        hosted.add(new HostedModelFile(registered.name(), registered.description(), TAMPERED_VERSION, "model.onnx",
                registered.cid().toString(), registered.sha256(), registered.size(), served.bytes()));
        cidById.put(registered.id(), registered.cid().toString());
        // a swapping node runs the next version of a model that has several
        Map<String, List<ZooModel>> byName = new HashMap<>();
        zoo.models().forEach(m -> byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m));
        for (List<ZooModel> versions : byName.values()) {
            for (int i = 0; i < versions.size() && versions.size() > 1; i++) {
                swaps.put(versions.get(i).cid().toString(), versions.get((i + 1) % versions.size()).cid().toString());
            }
        }
    }

    public List<HostedModelFile> hosted() {
        return List.copyOf(hosted);
    }

    public String cid(String model, String version) {
        String cid = cidById.get(model + "@" + version);
        if (cid == null) {
            throw new IllegalArgumentException("no demo model " + model + "@" + version);
        }
        return cid;
    }

    /** The CID a swapping node runs instead of {@code cid}; the same CID when the model has one version. */
    public String swapFor(String cid) {
        return swaps.getOrDefault(cid, cid);
    }

    public List<SeedPlanner.ModelChoice> choices() {
        List<SeedPlanner.ModelChoice> out = new ArrayList<>();
        Map<String, Long> versionsPerModel = new HashMap<>();
        zoo.models().forEach(m -> versionsPerModel.merge(m.name(), 1L, Long::sum));
        for (ZooModel m : zoo.models()) {
            out.add(new SeedPlanner.ModelChoice(m.name(), m.version(), false, versionsPerModel.get(m.name()) > 1));
        }
        out.add(new SeedPlanner.ModelChoice(TAMPERED_MODEL, TAMPERED_VERSION, true, false));
        return out;
    }

    public ModelZoo zoo() {
        return zoo;
    }
}
