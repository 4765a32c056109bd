package io.proofdesk.ui;

import io.proofdesk.domain.Bytes;
import io.proofdesk.domain.Inference;
import io.proofdesk.domain.InferenceMode;
import io.proofdesk.domain.Model;
import io.proofdesk.domain.ModelFile;
import io.proofdesk.domain.ModelVersion;
import io.proofdesk.domain.RecordId;
import io.proofdesk.domain.SettlementKind;
import io.proofdesk.domain.Tensor;
import io.proofdesk.domain.Verdict;
import io.proofdesk.domain.VerdictRecord;
import io.proofdesk.store.DataDirectory;
import io.proofdesk.store.Store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Test data for the desktop: a plausible registry (the devnet's model zoo, CIDv0 file ids, SHA-256 hashes,
 * signatures as the hub sends them) and an inference history over a few days, written through the real store.
 * Deterministic for a seed, so screenshots do not change between runs.
 */
public final class DemoStore {

    public static final Instant T0 = Instant.parse("2025-06-02T06:00:00Z");
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** One registered version: the model's name, version, the file CID records name, input and output shapes. */
    public record ZooVersion(String model, String version, String cid, int inputs, int outputs) {
    }

    private final Random random;
    private final List<ZooVersion> zoo;
    private final List<String> tees;
    private final List<String> nodes = List.of("http://127.0.0.1:18601", "http://127.0.0.1:18602",
            "http://127.0.0.1:18603", "http://127.0.0.1:18604");

    public DemoStore(long seed) {
        this.random = new Random(seed);
        this.zoo = List.of(
                new ZooVersion("credit-mlp", "1.00", cid(), 8, 2),
                new ZooVersion("credit-mlp", "2.00", cid(), 8, 2),
                new ZooVersion("digits-cnn", "1.00", cid(), 64, 10),
                new ZooVersion("sensor-gru", "1.00", cid(), 12, 1),
                new ZooVersion("price-regressor", "1.00", cid(), 6, 1),
                new ZooVersion("risk-score-f64", "1.00", cid(), 5, 1));
        this.tees = List.of(hash(), hash(), hash(), hash());
    }

    public List<ZooVersion> zoo() {
        return zoo;
    }

    public List<String> tees() {
        return tees;
    }

    /** Opens the store in {@code dir}, writes the registry and {@code count} inferences with verdicts, closes it. */
    public List<Inference> populate(DataDirectory dir, int count) {
        List<Inference> written = inferences(count);
        try (Store store = Store.open(dir)) {
            store.inTransaction(tx -> {
                writeRegistry(tx);
                tx.saveInferences(written);
                for (int i = 0; i < written.size(); i++) {
                    Verdict v = verdictFor(i);
                    if (v != null) {
                        Inference inf = written.get(i);
                        tx.saveVerdict(new VerdictRecord(inf.id(), v, v == Verdict.UNVERIFIED
                                ? "zk proof checking not supported" : null, inf.timestamp().plusSeconds(3600),
                                null, List.of()));
                    }
                }
            });
        }
        List<Inference> withVerdicts = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            withVerdicts.add(written.get(i).withVerdict(verdictFor(i)));
        }
        return withVerdicts;
    }

    /** Most records verified, a few mismatches, some unverified or errored, the newest not checked yet. */
    static Verdict verdictFor(int i) {
        if (i % 50 == 7) {
            return Verdict.MISMATCH;
        }
        if (i % 40 == 3) {
            return Verdict.ERROR;
        }
        if (i % 9 == 4) {
            return Verdict.UNVERIFIED;
        }
        return i % 6 == 5 ? null : Verdict.VERIFIED;
    }

    /** The registry as the hub sync stores it: the hub's listing names no owner, creation time or block. */
    void writeRegistry(io.proofdesk.store.Transaction tx) {
        for (ZooVersion v : zoo) {
            tx.models().upsert(new Model(v.model(), null, description(v.model()), null, null));
            tx.modelVersions().upsert(new ModelVersion(v.model(), v.version(), v.cid(), null, null, null));
            tx.modelFiles().upsert(new ModelFile(v.model(), v.version(), "model.onnx", v.cid(), sha256(v.cid()),
                    2_000 + v.inputs() * v.outputs() * 97L,
                    "{\"inputs\":[{\"name\":\"x\",\"type\":\"float32\",\"shape\":[1," + v.inputs() + "]}]}",
                    "{\"outputs\":[{\"name\":\"y\",\"type\":\"float32\",\"shape\":[1," + v.outputs() + "]}]}", 40L));
        }
    }

    private static String description(String model) {
        return switch (model) {
            case "credit-mlp" -> "Credit approval score from eight applicant features; two-layer perceptron.";
            case "digits-cnn" -> "Handwritten digit classifier on 8x8 images; small convolutional network.";
            case "sensor-gru" -> "Anomaly score over a window of twelve sensor readings; GRU.";
            case "price-regressor" -> "Next-hour price estimate from six market features; linear model.";
            default -> "Risk score in double precision from five portfolio features.";
        };
    }

    /** {@code count} records in block order, about 40 s apart, spread over the zoo, TEE and vanilla. */
    public List<Inference> inferences(int count) {
        return inferences(count, 18_204);
    }

    /** As {@link #inferences(int)}, in blocks after {@code afterBlock} (one second per block after T0). */
    public List<Inference> inferences(int count, long afterBlock) {
        List<Inference> out = new ArrayList<>(count);
        long block = afterBlock;
        Instant time = T0.plusSeconds(afterBlock - 18_204);
        for (int i = 0; i < count; i++) {
            block += 1 + random.nextInt(4);
            time = time.plusSeconds(240 + random.nextInt(480));
            ZooVersion v = zoo.get(Math.floorMod(i * 7 + random.nextInt(3), zoo.size()));
            boolean tee = random.nextInt(10) < 7;
            String tx = hash();
            boolean batch = tee && i % 8 == 2;
            RecordId id = batch ? RecordId.leaf(tx, random.nextInt(4), random.nextInt(16)) : RecordId.of(tx, random.nextInt(6));
            SettlementKind settlement = batch ? SettlementKind.BATCH : tee ? SettlementKind.INDIVIDUAL : SettlementKind.ONCHAIN;
            int node = random.nextInt(tees.size());
            float[] x = new float[v.inputs()];
            for (int k = 0; k < x.length; k++) {
                x[k] = Math.round(random.nextGaussian() * 1000) / 1000f;
            }
            float[] y = new float[v.outputs()];
            for (int k = 0; k < y.length; k++) {
                y[k] = Math.round(random.nextFloat() * 10000) / 10000f;
            }
            out.add(new Inference(id, tee ? InferenceMode.TEE : InferenceMode.VANILLA, v.cid(), v.version(),
                    tee ? tees.get(node) : null, nodes.get(node), settlement, block, time,
                    "0x" + HexFormat.of().formatHex(bytes(20)), tee ? hash() : null, tee ? hash() : null,
                    tee ? Bytes.of(bytes(256)) : Bytes.empty(), tee ? blobId() : null, batch ? hash() : null,
                    batch ? List.of(hash(), hash(), hash()) : List.of(),
                    List.of(Tensor.ofFloats("x", new long[] {1, v.inputs()}, x)),
                    List.of(Tensor.ofFloats("y", new long[] {1, v.outputs()}, y)), null));
        }
        return out;
    }

    private String cid() {
        StringBuilder b = new StringBuilder("Qm");
        for (int i = 0; i < 44; i++) {
            b.append(BASE58.charAt(random.nextInt(BASE58.length())));
        }
        return b.toString();
    }

    private String blobId() {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    private String hash() {
        return "0x" + HexFormat.of().formatHex(bytes(32));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
