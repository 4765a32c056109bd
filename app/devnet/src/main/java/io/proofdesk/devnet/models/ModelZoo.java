package io.proofdesk.devnet.models;

import io.proofdesk.domain.Tensor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The demo network's models, built in memory from one seed: the same seed gives byte-identical files (and so the
 * same CIDs) on every machine. Two versions of credit-mlp share an architecture and differ in weights.
 */
public final class ModelZoo {

    public static final long DEFAULT_SEED = 20_261_125L;

    private final long seed;
    private final List<ZooModel> models;
    private final SampleInputs samples = new SampleInputs();

    public ModelZoo(long seed) {
        this.seed = seed;
        this.models = List.of(
                DemoModels.creditMlp("1.00", seedFor("credit-mlp", "1.00")),
                DemoModels.creditMlp("2.00", seedFor("credit-mlp", "2.00")),
                DemoModels.digitsCnn("1.00", seedFor("digits-cnn", "1.00")),
                DemoModels.sensorGru("1.00", seedFor("sensor-gru", "1.00")),
                DemoModels.priceRegressor("1.00", seedFor("price-regressor", "1.00")),
                DemoModels.riskScoreF64("1.00", seedFor("risk-score-f64", "1.00")));
    }

    public static ModelZoo standard() {
        return new ModelZoo(DEFAULT_SEED);
    }

    public long seed() {
        return seed;
    }

    /** Every model file, each version separately, in a fixed order. */
    public List<ZooModel> models() {
        return models;
    }

    public ZooModel get(String name, String version) {
        return models.stream().filter(m -> m.name().equals(name) && m.version().equals(version)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no demo model " + name + "@" + version));
    }

    /**
     * Another build of a zoo architecture under its own weight seed — how the devnet makes the file for the labelled
     * "model-cid-mismatch" fault (a registered version whose served bytes are a different build).
     */
    public ZooModel variant(String name, String version, long weightSeed) {
        return switch (name) {
            case "credit-mlp" -> DemoModels.creditMlp(version, weightSeed);
            case "digits-cnn" -> DemoModels.digitsCnn(version, weightSeed);
            case "sensor-gru" -> DemoModels.sensorGru(version, weightSeed);
            case "price-regressor" -> DemoModels.priceRegressor(version, weightSeed);
            case "risk-score-f64" -> DemoModels.riskScoreF64(version, weightSeed);
            default -> throw new NoSuchElementException("no demo architecture " + name);
        };
    }

    /** A plausible input for the model (feature rows, an image-like blob, a sensor window), keyed by input name. */
    public Map<String, Tensor> sampleInput(ZooModel model, long inputSeed) {
        return samples.forModel(model, inputSeed);
    }

    /** Mixes the zoo seed with the model's name and version (FNV-1a), so each file has its own weights. */
    private long seedFor(String name, String version) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (name + "@" + version).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h ^ seed;
    }
}
