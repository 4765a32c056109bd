package io.proofdesk.reexec;

import io.proofdesk.domain.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Models that ask for more than Proofdesk allows are refused before ONNX Runtime allocates, with a sentence naming
 * the tensor; runs that still grow or last too long are stopped, and the cache keeps serving other models.
 */
class HostileModelTest {

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

    private static Tensor one() {
        return Tensor.ofFloats("x", new long[] {1}, new float[] {1});
    }

    /** Resident memory of this process now, in bytes (Linux). */
    private static long rss() {
        return RunGuard.residentBytes();
    }

    @Test
    @DisplayName("the 10^9-element Expand model is refused before anything runs: a sentence, fast, no memory taken")
    void expandBombIsRefused() {
        byte[] model = HostileModels.expandBomb();
        assertTrue(model.length < 160, "the model is tiny: " + model.length + " bytes");
        long before = rss();
        PeakMemory peak = PeakMemory.start();
        long start = System.nanoTime();
        ModelTooLargeException e = assertThrows(ModelTooLargeException.class,
                () -> engine.run(model, Map.of("x", one())));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long grown = peak.stop() - before;
        System.out.printf("expand bomb: refused in %d ms, resident memory grew by %d MiB%n", millis, grown >> 20);
        assertEquals("node '#[y]' (Expand) would make 'y' as float[1000, 1000, 1000], 1.00e+09 elements (3.7 GiB), "
                + "above the limit of 256 MiB per tensor", e.reason());
        assertEquals(0, cache.stats().size(), "no session was made");
        assertTrue(millis < 2000, "refused in " + millis + " ms");
        assertTrue(grown < 64L << 20, "memory grew by " + grown);
    }

    @Test
    @DisplayName("ConstantOfShape, and a size computed through Shape/Gather/Mul into Tile, are refused the same way")
    void constantAndComputedBombsAreRefused() {
        ModelTooLargeException constant = assertThrows(ModelTooLargeException.class,
                () -> engine.describe(HostileModels.constantOfShapeBomb()));
        assertTrue(constant.reason().contains("(ConstantOfShape) would make 'c' as float[1000, 1000, 1000]"),
                constant.reason());
        ModelTooLargeException computed = assertThrows(ModelTooLargeException.class,
                () -> engine.describe(HostileModels.computedShapeBomb()));
        assertTrue(computed.reason().contains("(Tile) would make 't' as float[1000000000]"), computed.reason());
    }

    @Test
    @DisplayName("a shape given as a run's input is checked with that run's values; a small one runs")
    void inputShapedExpandIsCheckedPerRun() {
        byte[] model = HostileModels.inputShapedExpand();
        engine.describe(model);  // nothing in the file fixes the size
        Tensor huge = Tensor.ofLongs("shape", new long[] {3}, new long[] {1000, 1000, 1000});
        ModelTooLargeException e = assertThrows(ModelTooLargeException.class,
                () -> engine.run(model, Map.of("x", one(), "shape", huge)));
        assertTrue(e.reason().contains("would make 'y' with the inputs given as float[1000, 1000, 1000]"), e.reason());
        Tensor small = Tensor.ofLongs("shape", new long[] {3}, new long[] {2, 3, 4});
        Tensor y = engine.run(model, Map.of("x", one(), "shape", small)).getFirst();
        assertArrayEquals(new long[] {2, 3, 4}, y.shape());
    }

    @Test
    @DisplayName("a size only ONNX Runtime's shape inference finds (strided ConvTranspose) is refused from its metadata")
    void ortInferredOutputIsRefused() {
        ModelTooLargeException e = assertThrows(ModelTooLargeException.class,
                () -> engine.describe(HostileModels.stridedConvTranspose()));
        assertTrue(e.reason().startsWith("ONNX Runtime's shape inference gives output 'y' as float[1, 1, 19981, 19981]"),
                e.reason());
        assertEquals(0, cache.stats().size());
    }

    @Test
    @DisplayName("the per-tensor limit is a setting: 4 MiB refuses a 16 MiB tensor that the default allows")
    void limitIsASetting() {
        byte[] model = HostileModels.inputShapedExpand();
        Tensor shape = Tensor.ofLongs("shape", new long[] {3}, new long[] {16, 1024, 256});
        assertEquals(4L << 20, engine.run(model, Map.of("x", one(), "shape", shape)).getFirst().size());
        try (SessionCache small = SessionCache.withLimits(ModelLimits.DEFAULT.withMaxTensorBytes(4L << 20))) {
            ModelTooLargeException e = assertThrows(ModelTooLargeException.class,
                    () -> new ReexecEngine(small).run(model, Map.of("x", one(), "shape", shape)));
            assertTrue(e.reason().endsWith("(16 MiB), above the limit of 4 MiB per tensor"), e.reason());
        }
    }

    @Test
    @DisplayName("a run longer than the time limit is stopped with a sentence; the cache then runs other models")
    void longRunIsStopped() {
        try (SessionCache limited = SessionCache.withLimits(ModelLimits.DEFAULT.withMaxRunTime(Duration.ofMillis(300)))) {
            ReexecEngine e = new ReexecEngine(limited);
            int n = 512;
            Tensor x = Tensor.ofFloats("x", new long[] {n, n}, new float[n * n]);
            Tensor w = Tensor.ofFloats("w", new long[] {n, n}, new float[n * n]);
            byte[] model = HostileModels.longMatMulChain(2000, n);
            long start = System.nanoTime();
            RunLimitExceededException stopped = assertThrows(RunLimitExceededException.class,
                    () -> e.run(model, Map.of("x", x, "w", w)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("long run: %s; the call returned after %d ms%n", stopped.reason(), millis);
            assertTrue(stopped.reason().matches("it ran for \\d+\\.\\d\\d s, longer than the limit of 0\\.3 s"),
                    stopped.reason());
            assertTrue(millis < 10_000, "stopped after " + millis + " ms (2000 MatMuls would take far longer)");
            assertEquals(0, limited.stats().size(), "the stopped session was discarded");
            Tensor out = e.run(TestModels.mlp(1f), Map.of("x", Tensor.ofFloats("x", new long[] {1, 4},
                    new float[] {1, 2, 3, 4}))).getFirst();
            assertEquals(3, out.size(), "the same cache still runs other models");
        }
    }

    @Test
    @DisplayName("a run whose tensors each pass the limit but together grow memory past the run limit is stopped")
    void growingRunIsStopped() {
        long runLimit = 96L << 20;
        try (SessionCache limited = SessionCache.withLimits(ModelLimits.DEFAULT.withMaxRunMemoryBytes(runLimit))) {
            ReexecEngine e = new ReexecEngine(limited);
            byte[] model = HostileModels.manyLiveTensors(48, 8L << 20);  // 48 x 32 MiB = 1.5 GiB if let run
            long before = rss();
            PeakMemory peak = PeakMemory.start();
            RunLimitExceededException stopped = assertThrows(RunLimitExceededException.class,
                    () -> e.run(model, Map.of("x", one())));
            long grown = peak.stop() - before;
            System.out.printf("growing run: %s; resident memory peaked %d MiB above the start%n", stopped.reason(),
                    grown >> 20);
            assertTrue(stopped.reason().startsWith("it grew the process's memory by "), stopped.reason());
            assertTrue(stopped.reason().endsWith("more than the limit of 96 MiB per run"), stopped.reason());
            assertTrue(grown < 1L << 30, "stopped well before 1.5 GiB: peak " + grown / (1 << 20) + " MiB above the start");
            assertEquals(0, limited.stats().size(), "the stopped session (and its arena) was discarded");
        }
    }

    @Test
    @DisplayName("an ordinary model's intermediate values are all sized, and run as before")
    void ordinaryModelIsSizedAndRuns() {
        TensorSizeCheck sizes = OnnxModelFile.check(TestModels.mlp(1f), ModelLimits.DEFAULT).sizes();
        Map<String, KnownValue> values = sizes.values(Map.of("x", Tensor.ofFloats("x", new long[] {5, 4},
                new float[20])));
        assertEquals("float[5, 3]", values.get("h").toString());
        assertEquals("float[5, 3]", values.get("r").toString());
        assertEquals("float[5, 3]", values.get("probabilities").toString());
        assertEquals("float[?, 3]", sizes.values(null).get("h").toString(), "as declared: batch is open");
    }
}
