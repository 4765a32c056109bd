package io.proofdesk.devnet.models;

import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import io.proofdesk.reexec.ComparisonStatus;
import io.proofdesk.reexec.FixedPointCodec;
import io.proofdesk.reexec.FixedPointTensor;
import io.proofdesk.reexec.ModelLimits;
import io.proofdesk.reexec.OnnxModelFile;
import io.proofdesk.reexec.ReexecEngine;
import io.proofdesk.reexec.SessionCache;
import io.proofdesk.reexec.TensorComparison;
import io.proofdesk.reexec.TensorSpec;
import io.proofdesk.reexec.Tolerance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelZooTest {

    private static final ModelZoo ZOO = ModelZoo.standard();
    private static SessionCache cache;
    private static ReexecEngine engine;

    @BeforeAll
    static void start() {
        cache = SessionCache.withDefaults();
        engine = new ReexecEngine(cache);
    }

    @AfterAll
    static void stop() {
        cache.close();
    }

    static List<String> modelIds() {
        return ZOO.models().stream().map(ZooModel::id).toList();
    }

    private static ZooModel model(String id) {
        String[] parts = id.split("@");
        return ZOO.get(parts[0], parts[1]);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() {
        ModelZoo again = new ModelZoo(ModelZoo.DEFAULT_SEED);
        ModelZoo other = new ModelZoo(ModelZoo.DEFAULT_SEED + 1);
        for (int i = 0; i < ZOO.models().size(); i++) {
            ZooModel a = ZOO.models().get(i);
            assertArrayEquals(a.bytes(), again.models().get(i).bytes(), a.id());
            assertEquals(a.cid(), again.models().get(i).cid());
            assertFalse(Arrays.equals(a.bytes(), other.models().get(i).bytes()), a.id());
        }
    }

    @Test
    void zooCoversFourKindsAndTwoVersionsOfOneModel() {
        Set<ModelKind> kinds = ZOO.models().stream().map(ZooModel::kind).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(ModelKind.class), kinds);
        ZooModel v1 = ZOO.get("credit-mlp", "1.00");
        ZooModel v2 = ZOO.get("credit-mlp", "2.00");
        assertEquals(v1.inputs(), v2.inputs());
        assertEquals(architecture(v1), architecture(v2));
        assertNotEquals(v1.sha256(), v2.sha256());
        assertEquals(ZOO.models().size(), ZOO.models().stream().map(ZooModel::cid).distinct().count());
    }

    /** Operators in order, and every weight's name and dimensions. */
    private static List<String> architecture(ZooModel m) {
        try {
            ai.onnx.proto.OnnxMl.GraphProto g = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(m.bytes()).getGraph();
            return java.util.stream.Stream.concat(g.getNodeList().stream().map(n -> n.getOpType()),
                    g.getInitializerList().stream().map(t -> t.getName() + t.getDimsList())).toList();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelIds")
    void isOnnxIr8Opset17AndMatchesItsDeclaredSignature(String id) {
        ZooModel m = model(id);
        OnnxModelFile file = OnnxModelFile.parse(m.bytes(), ModelLimits.DEFAULT);
        assertEquals(8, file.irVersion());
        assertEquals(Map.of("ai.onnx", 17L), file.opsets());
        assertEquals(m.inputs(), file.signature().inputs());
        assertEquals(m.outputs(), file.signature().outputs());
        assertEquals(m.sha256(), file.sha256());
        assertTrue(m.cid().toString().startsWith("Qm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelIds")
    void runsInOrtBitIdenticallyAcrossRunsAndSessions(String id) {
        ZooModel m = model(id);
        Map<String, Tensor> input = ZOO.sampleInput(m, 1);
        List<Tensor> first = engine.run(m.bytes(), input);
        List<Tensor> second = engine.run(m.bytes(), input);
        assertEquals(first, second);
        try (SessionCache fresh = SessionCache.withDefaults()) {
            assertEquals(first, new ReexecEngine(fresh).run(m.bytes(), input), "a new session gives the same bits");
        }
        assertEquals(m.outputs().size(), first.size());
        for (int i = 0; i < first.size(); i++) {
            TensorSpec spec = m.outputs().get(i);
            Tensor out = first.get(i);
            assertEquals(spec.name(), out.name());
            assertEquals(spec.type(), out.type());
            assertEquals(null, spec.shapeProblem(out.shape()));
            for (double v : out.toDoubles()) {
                assertTrue(Double.isFinite(v), id + " gives finite outputs");
            }
        }
        if (m.kind() != ModelKind.REGRESSION) {
            double sum = Arrays.stream(first.getFirst().toDoubles()).sum();
            assertEquals(1.0, sum, 1e-5, "class probabilities sum to one");
        }
    }

    @Test
    void twoVersionsOfTheSameModelGiveDifferentOutputs() {
        ZooModel v1 = ZOO.get("credit-mlp", "1.00");
        ZooModel v2 = ZOO.get("credit-mlp", "2.00");
        Map<String, Tensor> input = ZOO.sampleInput(v1, 5);
        Tensor a = engine.run(v1.bytes(), input).getFirst();
        Tensor b = engine.run(v2.bytes(), input).getFirst();
        assertEquals(ComparisonStatus.OUT_OF_TOLERANCE,
                new TensorComparison().compare(b, a, Tolerance.forDecimals(6)).status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelIds")
    void sampleInputsAreSeededAndSurviveTheOnChainFixedPointForm(String id) {
        ZooModel m = model(id);
        Map<String, Tensor> a = ZOO.sampleInput(m, 3);
        assertEquals(a, ZOO.sampleInput(m, 3));
        assertNotEquals(a, ZOO.sampleInput(m, 4));
        FixedPointCodec fixed = new FixedPointCodec();
        for (TensorSpec spec : m.inputs()) {
            FixedPointTensor onChain = fixed.encode(a.get(spec.name()));
            assertTrue(onChain.values().stream().allMatch(v -> v.decimals().intValue() <= 4),
                    "inputs are written with few decimals");
            assertEquals(a.get(spec.name()), fixed.decode(onChain, spec), "decoding gives the same bits back");
        }
        // the demo node's output path: run, write fixed point, a verifier decodes and compares with its own run
        List<Tensor> local = engine.run(m.bytes(), a);
        for (Tensor out : local) {
            Tensor claimed = fixed.decode(fixed.encode(out), out.type());
            assertEquals(ComparisonStatus.EXACT, new TensorComparison().compare(claimed, out,
                    Tolerance.forClaimed(fixed.encode(out))).status(), out.name());
        }
    }

    @Test
    void imageSamplesLookLikeImages() {
        ZooModel cnn = ZOO.get("digits-cnn", "1.00");
        Tensor image = ZOO.sampleInput(cnn, 11).get("image");
        assertArrayEquals(new long[] {1, 1, 28, 28}, image.shape());
        double[] px = image.toDoubles();
        assertTrue(Arrays.stream(px).allMatch(v -> v >= 0 && v <= 1));
        long bright = Arrays.stream(px).filter(v -> v > 0.5).count();
        assertTrue(bright > 10 && bright < 400, bright + " bright pixels: a stroke or blob on a dark field");
        assertEquals(DType.DOUBLE, ZOO.sampleInput(ZOO.get("risk-score-f64", "1.00"), 1).get("features").type());
    }
}
