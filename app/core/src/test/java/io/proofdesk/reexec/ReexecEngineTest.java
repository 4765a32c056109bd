package io.proofdesk.reexec;

import ai.onnxruntime.OrtEnvironment;
import io.proofdesk.domain.DType;
import io.proofdesk.domain.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReexecEngineTest {

    private SessionCache cache;
    private ReexecEngine engine;

    @BeforeEach
    void start() {
        cache = SessionCache.withDefaults();
        engine = new ReexecEngine(cache);
    }

    @AfterEach
    void stop() {
        cache.close();
    }

    private static Tensor x(int batch) {
        float[] v = new float[batch * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.cos(i * 0.7) * 2;
        }
        return Tensor.ofFloats("x", new long[] {batch, 4}, v);
    }

    @Test
    void signatureComesFromTheGraphWithSymbolicDimsAndWithoutWeights() {
        OnnxModelFile model = engine.describe(TestModels.mlp(1f));
        ModelSignature sig = model.signature();
        assertEquals(1, sig.inputs().size(), "W has an initializer, so it is a weight, not an input");
        TensorSpec in = sig.inputs().getFirst();
        assertEquals("x", in.name());
        assertEquals(DType.FLOAT, in.type());
        assertEquals(List.of(Dim.of("batch"), Dim.of(4)), in.shape());
        assertEquals("probabilities", sig.outputs().getFirst().name());
        assertEquals(8, model.irVersion());
        assertEquals(Map.of("ai.onnx", 17L), model.opsets());
        assertEquals(64, model.sha256().length());
    }

    @Test
    void runsAndIsBitIdenticalAcrossRunsAndSessions() {
        byte[] model = TestModels.mlp(1f);
        Tensor out1 = engine.run(model, Map.of("x", x(3))).getFirst();
        Tensor out2 = engine.run(model, List.of(x(3))).getFirst();
        assertArrayEquals(new long[] {3, 3}, out1.shape());
        float[] p = out1.toFloats();
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-6, "softmax rows sum to one");
        assertEquals(out1, out2);
        try (SessionCache other = SessionCache.withDefaults()) {
            Tensor out3 = new ReexecEngine(other).run(model, Map.of("x", x(3))).getFirst();
            assertArrayEquals(out1.data(), out3.data(), "a second session gives the same bits");
        }
        Tensor differentWeights = engine.run(TestModels.mlp(1.5f), Map.of("x", x(3))).getFirst();
        assertFalse(Arrays.equals(out1.data(), differentWeights.data()));
    }

    @Test
    void secondUseOfAModelIsACacheHit() {
        byte[] model = TestModels.mlp(1f);
        ReexecResult first = engine.execute(model, Map.of("x", x(1)));
        ReexecResult second = engine.execute(model.clone(), Map.of("x", x(2)));
        assertFalse(first.sessionCacheHit());
        assertTrue(second.sessionCacheHit());
        assertEquals(new SessionCache.Stats(1, 1, 1), cache.stats());
        assertTrue(second.runTime().toNanos() > 0);
        assertEquals(first.modelSha256(), second.modelSha256());
    }

    @Test
    void leastRecentlyUsedSessionIsEvictedAndLeasesSurviveEviction() {
        try (SessionCache small = new SessionCache(OrtEnvironment.getEnvironment(), SessionSettings.DETERMINISTIC,
                ModelLimits.DEFAULT, 1)) {
            ReexecEngine e = new ReexecEngine(small);
            byte[] a = TestModels.mlp(1f);
            byte[] b = TestModels.mlp(2f);
            try (SessionCache.Lease leaseA = small.acquire(a)) {
                e.run(b, Map.of("x", x(1)));  // evicts a while it is leased
                assertEquals(1, small.stats().size());
                assertTrue(leaseA.session().getInputNames().contains("x"), "a leased session stays open");
            }
            assertFalse(e.execute(a, Map.of("x", x(1))).sessionCacheHit());
            assertEquals(new SessionCache.Stats(0, 3, 1), small.stats());
        }
    }

    @Test
    void missingExtraMisShapedAndMistypedInputsAreNamed() {
        byte[] model = TestModels.mlp(1f);
        InputMismatchException missing = assertThrows(InputMismatchException.class, () -> engine.run(model, Map.of()));
        assertEquals(List.of("missing input 'x' (FLOAT[batch, 4])"), missing.problems());

        InputMismatchException extra = assertThrows(InputMismatchException.class,
                () -> engine.run(model, Map.of("x", x(1), "y", x(1))));
        assertTrue(extra.problems().getFirst().startsWith("unexpected input 'y'"), extra.getMessage());

        InputMismatchException shape = assertThrows(InputMismatchException.class, () -> engine.run(model,
                Map.of("x", Tensor.ofFloats("x", new long[] {1, 5}, new float[5]))));
        assertTrue(shape.getMessage().contains("dimension 1 must be 4"), shape.getMessage());

        InputMismatchException rank = assertThrows(InputMismatchException.class, () -> engine.run(model,
                Map.of("x", Tensor.ofFloats("x", new long[] {4}, new float[4]))));
        assertTrue(rank.getMessage().contains("rank 1"), rank.getMessage());

        InputMismatchException type = assertThrows(InputMismatchException.class, () -> engine.run(model,
                Map.of("x", Tensor.ofDoubles("x", new long[] {1, 4}, new double[4]))));
        assertTrue(type.getMessage().contains("is DOUBLE, the model expects FLOAT"), type.getMessage());
    }

    @Test
    void truncatedModelIsRefusedWithTheReason() {
        byte[] model = TestModels.mlp(1f);
        byte[] truncated = Arrays.copyOf(model, model.length - 40);
        ModelFileInvalidException e = assertThrows(ModelFileInvalidException.class,
                () -> engine.run(truncated, Map.of("x", x(1))));
        assertTrue(e.reason().contains("truncated"), e.reason());
        assertEquals(OnnxModelFile.sha256Hex(truncated), e.modelSha256());
    }

    @Test
    void randomBytesAreRefused() {
        byte[] noise = new byte[4096];
        new SplittableRandom(99).nextBytes(noise);
        ModelFileInvalidException e = assertThrows(ModelFileInvalidException.class, () -> engine.describe(noise));
        assertTrue(e.reason().startsWith("not an ONNX protobuf") || e.reason().startsWith("no graph"), e.reason());
        assertThrows(ModelFileInvalidException.class, () -> engine.describe(new byte[0]));
        assertThrows(ModelFileInvalidException.class, () -> engine.describe("not a model".getBytes()));
    }

    @Test
    void absurdDeclaredInputIsRefusedBeforeAnythingIsAllocated() {
        long before = Runtime.getRuntime().totalMemory();
        ModelTooLargeException e = assertThrows(ModelTooLargeException.class,
                () -> engine.describe(TestModels.absurdInput()));
        assertTrue(e.reason().contains("input 'X' declares shape [1000000000, 1000000000] (1.00e+18 elements"),
                e.reason());
        assertEquals(0, cache.stats().size(), "no session was created");
        assertTrue(Runtime.getRuntime().totalMemory() - before < 256L << 20);
    }

    @Test
    void unknownOperatorIsReportedAsOrtRefusal() {
        var graph = ai.onnx.proto.OnnxMl.GraphProto.newBuilder().setName("bad")
                .addInput(TestModels.value("X", 1, 1L))
                .addOutput(TestModels.value("Y", 1, 1L))
                .addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setOpType("NoSuchOp").addInput("X").addOutput("Y"))
                .build();
        ModelFileInvalidException e = assertThrows(ModelFileInvalidException.class,
                () -> engine.describe(TestModels.model(graph)));
        assertTrue(e.reason().startsWith("ONNX Runtime refused the model"), e.reason());
        assertNotEquals(-1, e.reason().indexOf("NoSuchOp"), e.reason());
    }
}
